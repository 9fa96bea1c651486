using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// The fetch git itself runs when a partial clone misses an object (promisor-remote.c): the ids on stdin, no
/// negotiation, no tags, FETCH_HEAD untouched, no submodules, and blob:none so a tree comes with its subtrees only.
/// </summary>
public sealed class GitObjectFetcher(Tool git) : IObjectFetcher
{
    public GitObjectFetcher() : this(Tool.Named("git").WithEnvironment("GIT_TERMINAL_PROMPT", "0")) { }

    public Task FetchAsync(string workingDirectory, string remote, IReadOnlyCollection<string> objectIds, CancellationToken cancellationToken) =>
        git.WithWorkingDirectory(workingDirectory)
            .WithStandardInput(string.Join('\n', objectIds) + "\n")
            .RunAsync(["-c", "fetch.negotiationAlgorithm=noop", "fetch", remote, "--no-tags", "--no-write-fetch-head",
                "--recurse-submodules=no", "--filter=blob:none", "--quiet", "--stdin"], cancellationToken);
}
