namespace GoMonorepoBuild.Engine;

/// <summary>
/// Recognises a dockerd that gave up loading its BuildKit cache. dockerd 26 reads BuildKit's whole cache index (a
/// snapshot lookup per record and parent) after "Daemon has completed initialization" and before it opens its API, under
/// a deadline; past some thousands of records it prints a bare "context deadline exceeded" and exits. One day of test
/// suites and benchmarks on one private engine held 3,926 leases: 10.2 s to start, then no start at all (BENCHMARKS:
/// "The private engine's start against its build cache").
/// </summary>
internal static class OverloadedBuildCache
{
    const string Initialised = "Daemon has completed initialization";
    const string Listening = "API listen on";
    const string DeadlineExceeded = "context deadline exceeded";

    public static bool StoppedTheStart(IReadOnlyList<string> log)
    {
        var initialised = log.ToList().FindLastIndex(line => line.Contains(Initialised, StringComparison.Ordinal));
        if (initialised < 0) return false;
        var after = log.Skip(initialised + 1).ToList();
        return !after.Any(line => line.Contains(Listening, StringComparison.Ordinal))
            && after.Any(line => line.Trim() == DeadlineExceeded);
    }
}
