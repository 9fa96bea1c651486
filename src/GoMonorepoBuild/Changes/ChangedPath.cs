using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// A path where HEAD, the index and the working folder differ (<see cref="WorkTreeStatus"/>), with how. A class rather than
/// a tuple, so the LINQ over the status runs the framework's precompiled code instead of JIT-compiling it every run
/// (BENCHMARKS.md, "JIT-compiled methods by call site").
/// </summary>
internal sealed record ChangedPath(string Path, FileStatus State);
