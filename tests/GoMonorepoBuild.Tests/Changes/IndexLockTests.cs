using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Tests.Changes;

/// <summary>
/// A run cancelled (Ctrl-C) while git walks the checkout's status kills that git; git killed while it holds index.lock
/// (its optional refresh write) leaves the file behind and every later git command fails on it. So the status walks a
/// run may kill take no optional lock; the index refresh, which must hold the lock, is let finish (StaleIndexRefreshTests).
/// </summary>
public class IndexLockTests
{
    /// <summary>A git whose status walk never ends, noting its arguments and pid; every other command is git's.</summary>
    internal static Tool SlowStatus(TestRepository repo, out string arguments, out string pidFile)
    {
        arguments = repo.Full(".git/status.args");
        pidFile = repo.Full(".git/status.pid");
        var script = repo.Full(".git/slow-git.sh");
        File.WriteAllText(script, $"#!/bin/sh\ncase \" $* \" in *\" status \"*) echo \"$*\" > '{arguments}'; echo $$ > '{pidFile}'; exec sleep 120;; esac\nexec git \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return Tool.Named(script);
    }

    static TestRepository Committed()
    {
        var repo = new TestRepository();
        repo.Write("go.mod", "module example.com/m\n\ngo 1.23\n").Write("cmd/app/main.go", "package main\n\nfunc main() {}\n").Commit("base");
        return repo;
    }

    static void AssertKilledWithoutLock(string arguments, string pidFile)
    {
        Assert.StartsWith("--no-optional-locks status ", File.ReadAllText(arguments));
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z "), $"git status (pid {pid}) still runs");
    }

    static async Task CancelWhenStartedAsync(string pidFile, CancellationTokenSource cancellation)
    {
        while (!File.Exists(pidFile)) await Task.Delay(20, TestContext.Current.CancellationToken);
        await cancellation.CancelAsync();
    }

    [Fact]
    public async Task Ctrl_C_during_the_clean_checkout_question_kills_a_status_walk_that_holds_no_index_lock()
    {
        using var repo = Committed();
        var git = SlowStatus(repo, out var arguments, out var pidFile);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var question = CleanCheckout.HoldsAsync(repo.Root, ".", repo.HeadSha, [], cancellation.Token, git);
        await CancelWhenStartedAsync(pidFile, cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => question);
        AssertKilledWithoutLock(arguments, pidFile);
    }

    [Fact]
    public async Task Ctrl_C_during_a_sparse_checkouts_status_kills_a_walk_that_holds_no_index_lock()
    {
        using var repo = Committed();
        var git = SlowStatus(repo, out var arguments, out var pidFile);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var paths = GitStatus.ChangedPathsAsync(repo.Root, cancellation.Token, git);
        await CancelWhenStartedAsync(pidFile, cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => paths);
        AssertKilledWithoutLock(arguments, pidFile);
    }
}
