namespace GoMonorepoBuild.Affected;

/// <summary>What --output receives: the full analysis, or the CI matrix of affected services.</summary>
public enum AffectedFormat
{
    Json,
    Matrix,
}
