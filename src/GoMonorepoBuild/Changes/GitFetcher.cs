using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Changes;

/// <summary>Deepens and fetches with the git command line (through <see cref="Tool"/>).</summary>
public sealed class GitFetcher(Tool git) : IHistoryFetcher
{
    public GitFetcher() : this(Tool.Named("git")) { }

    public Task DeepenAsync(string workingDirectory, int commits, CancellationToken cancellationToken) =>
        git.WithWorkingDirectory(workingDirectory)
            .RunAsync(["fetch", "--no-tags", "--quiet", $"--deepen={commits}"], cancellationToken);

    public Task FetchBranchAsync(string workingDirectory, string remote, string branch, int depth, CancellationToken cancellationToken) =>
        git.WithWorkingDirectory(workingDirectory)
            .RunAsync(["fetch", "--no-tags", "--quiet", $"--depth={depth}", remote, $"+refs/heads/{branch}:refs/remotes/{remote}/{branch}"],
                cancellationToken);
}
