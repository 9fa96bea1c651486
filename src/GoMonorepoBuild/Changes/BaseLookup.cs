namespace GoMonorepoBuild.Changes;

/// <summary>
/// One look at the repository for a base candidate (<see cref="BaseResolver"/>): its sha; or why a default-branch candidate
/// is skipped; or neither (missing: <see cref="Shallow"/> says whether deepening the clone may find it, <see cref="FetchBranch"/>
/// that its branch should be fetched first). A class rather than a tuple: a task or lambda result of a tuple type makes
/// the framework's async and delegate code JIT-compiled in every run (BENCHMARKS.md, "JIT-compiled methods by call site").
/// </summary>
internal sealed record BaseLookup(string? Sha, string? Skip, bool Shallow, bool FetchBranch = false);
