using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>Runs the whole analysis (git + models + planner) on a test repository, with no CI variables.</summary>
internal static class Analyse
{
    public static Task<AffectedResult> RunAsync(TestRepository repo, string? @base, string prefix = "",
        Func<AffectedRequest, AffectedRequest>? configure = null, IHistoryFetcher? fetcher = null) =>
        RunAsync(repo.Root, @base, prefix, configure, fetcher);

    public static Task<AffectedResult> RunAsync(string root, string? @base, string prefix = "",
        Func<AffectedRequest, AffectedRequest>? configure = null, IHistoryFetcher? fetcher = null)
    {
        var monorepo = prefix.Length == 0 ? root : Path.Combine(root, prefix);
        var request = new AffectedRequest(monorepo, ["services/*"]).WithBase(@base);
        if (configure is not null) request = configure(request);
        return new AffectedAnalysis(fetcher ?? new GitFetcher())
            .RunAsync(request, () => GoWorkspace.Load(monorepo, ["services/*"]), TestContext.Current.CancellationToken);
    }

    public static IReadOnlyList<string> Names(this AffectedResult result) => result.Services.Select(s => s.Name).ToList();

    public static AffectedReason ReasonOf(this AffectedResult result, string service) =>
        (result.Find(service) ?? throw new Xunit.Sdk.XunitException(
            $"{service} is not affected; affected: {string.Join(", ", result.Names())}; ignored: " +
            string.Join("; ", result.IgnoredFiles.Select(i => $"{i.Path}: {i.Reason}")))).FirstReason;

    public static string IgnoredReason(this AffectedResult result, string path) =>
        result.IgnoredFiles.SingleOrDefault(i => i.Path == path)?.Reason
        ?? throw new Xunit.Sdk.XunitException($"{path} is not ignored; ignored: {string.Join(", ", result.IgnoredFiles.Select(i => i.Path))}");
}
