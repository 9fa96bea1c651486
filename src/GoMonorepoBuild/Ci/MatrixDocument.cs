namespace GoMonorepoBuild.Ci;

// The CI matrix's shape, {"include":[{"service","path"}]} (AffectedMatrix.ToMatrixJson, through CiJsonContext).

internal sealed record MatrixDocument(IReadOnlyList<MatrixEntry> Include);

internal sealed record MatrixEntry(string Service, string Path);
