using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Targets;
using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// Writes the working files' current stat information back into git's index (<c>git update-index -q --refresh</c>), as
/// <c>git status</c> does opportunistically, once per run before the status walk. Without it an index whose stat
/// information is stale (a CI cache restore, a <c>touch</c>, racily clean files after a checkout) makes libgit2's status
/// and the index digests re-read and hash every such file on every run, since nothing writes the answer back.
/// Only stat information changes, never content or what is staged. It is a saving, never a requirement: any failure (the
/// index lock held by another git, a read-only repository, no git) leaves the run exactly as it was without it.
/// </summary>
internal static class IndexRefresh
{
    /// <summary>
    /// Refreshes the index of <paramref name="repo"/>'s working tree (<paramref name="config"/> its configuration); skipped for a bare repository and a partial clone
    /// (git compares a symlink's, or an autocrlf file's, content with the index's blob, and a blob:none clone would fetch
    /// it). Cancellation lets git finish (it holds index.lock) and then throws; every other failure is logged at Debug and ignored.
    /// </summary>
    public static void Run(Repository repo, Configuration config, CancellationToken cancellationToken, Tool? git = null)
    {
        if (repo.Info.IsBare || repo.Info.WorkingDirectory is not { } workingDirectory) return;
        if (PartialClone.PromisorRemotes(config).Count > 0)
        {
            Log.Debug("Index refresh skipped: a partial clone (git could fetch blobs to compare).");
            return;
        }
        try
        {
            // -q: files whose content did change are no error (they stay modified); git takes index.lock without waiting
            // and gives up when it is held. The walk that follows runs under the run repository's lock, which is synchronous.
            // Not called off by the run's cancellation: git holds index.lock throughout, and killed it would leave the lock
            // behind (every later git command fails on it); a refresh takes milliseconds to a few seconds. A hard stop
            // (a second Ctrl-C) still kills it.
            cancellationToken.ThrowIfCancellationRequested();
            var result = (git ?? Tool.Named("git")).WithWorkingDirectory(workingDirectory)
                .TryRunAsync(["update-index", "-q", "--refresh"], CancellationToken.None).GetAwaiter().GetResult();
            cancellationToken.ThrowIfCancellationRequested();
            if (result.ExitCode != 0)
                Log.Debug($"Index refresh skipped: git update-index --refresh exited {result.ExitCode}: {result.StandardError.Trim()}");
        }
        catch (ProcessFailedException e)
        {
            Log.Debug($"Index refresh skipped: {e.Message}");
        }
    }
}
