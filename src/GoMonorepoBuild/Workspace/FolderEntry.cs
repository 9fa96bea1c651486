namespace GoMonorepoBuild.Workspace;

/// <summary>
/// One entry of a folder as <see cref="MonorepoFiles.List"/> reports it: its name and what it is (a link is not followed).
/// A class rather than a tuple: the model load lists every folder, and the framework's LINQ and list code over a
/// reference type is precompiled, while over a tuple it is JIT-compiled in every run (BENCHMARKS.md, "JIT-compiled methods
/// by call site").
/// </summary>
public sealed record FolderEntry(string Name, EntryKind Kind);
