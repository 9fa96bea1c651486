using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Inputs;
using GoMonorepoBuild.Tests.Changes;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>
/// An index whose stat information is stale (files touched after the commit: a CI cache restore, a checkout whose files
/// are racily clean) is refreshed once by a run (<c>git update-index -q --refresh</c>, as <c>git status</c> does), so the
/// next run's status compares stats instead of hashing every file; a held index lock leaves the run as it was.
/// <c>git diff-files</c> does not refresh the index itself, so it shows what the index records.
/// </summary>
public class StaleIndexRefreshTests : IDisposable
{
    const string Changed = "package auth\n\nfunc Token() string { return \"u\" }\n";
    // In the past, not the future: an entry newer than the index file is racily clean, and git keeps re-checking it.
    static readonly DateTime Touched = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    readonly TestRepository repo = SampleMonorepo.WriteTo(new TestRepository());
    readonly string baseSha;
    readonly IReadOnlyList<string> committed;

    public StaleIndexRefreshTests()
    {
        baseSha = repo.Commit("base");
        committed = Lines(GitCli.OutputAsync(repo.Root, "ls-files").GetAwaiter().GetResult());
        foreach (var path in committed) File.SetLastWriteTimeUtc(repo.Full(path), Touched);
        repo.Write("libs/auth/token.go", Changed);
    }

    public void Dispose() => repo.Dispose();

    [Fact]
    public async Task One_run_writes_the_touched_files_stat_information_back_and_answers_as_before()
    {
        var before = await StatDirtyAsync();
        Assert.Equal(committed.Order(StringComparer.Ordinal), before.Order(StringComparer.Ordinal));

        var result = await Analyse.RunAsync(repo, baseSha);

        Assert.Equal(["orders"], result.Names());
        Assert.Equal(["libs/auth/token.go"], result.ChangedFiles);
        // Only the file whose content changed is still different from the index; the rest are clean by their stats now.
        Assert.Equal(["libs/auth/token.go"], await StatDirtyAsync());
    }

    [Fact]
    public async Task A_held_index_lock_leaves_the_index_as_it_was_and_the_answer_the_same()
    {
        var lockFile = Path.Combine(repo.Root, ".git", "index.lock");
        await File.WriteAllTextAsync(lockFile, "", TestContext.Current.CancellationToken);
        try
        {
            var result = await Analyse.RunAsync(repo, baseSha);

            Assert.Equal(["orders"], result.Names());
            Assert.Equal(["libs/auth/token.go"], result.ChangedFiles);
            Assert.Equal(committed.Count, (await StatDirtyAsync()).Count); // nothing was written
            Assert.True(File.Exists(lockFile), "another process's lock is never removed");
        }
        finally
        {
            File.Delete(lockFile);
        }
    }

    [Fact]
    public async Task The_index_digests_refresh_the_index_too_and_are_the_contents()
    {
        using var run = RunRepository.At(repo.Root);
        var digests = GitIndexDigests.For(run, repo.Root, TestContext.Current.CancellationToken);

        var content = new ContentDigests(repo.Root);
        foreach (var path in committed)
            Assert.Equal(content.Of(path), digests.Of(path));
        Assert.Equal(["libs/auth/token.go"], await StatDirtyAsync());
    }

    [Fact]
    public async Task A_partial_clone_is_not_refreshed_so_nothing_is_fetched()
    {
        await GitCli.AllowFilters(repo.Root);
        var clone = Directory.CreateTempSubdirectory("gmb-refresh-").FullName;
        try
        {
            await GitCli.PartialCloneAsync(repo.Root, clone, "blob:none");
            var files = Lines(await GitCli.OutputAsync(clone, "ls-files"));
            foreach (var path in files) File.SetLastWriteTimeUtc(Path.Combine(clone, path), Touched);

            using (var run = RunRepository.At(clone))
                run.Status(TestContext.Current.CancellationToken);

            Assert.Equal(files.Count, Lines(await GitCli.OutputAsync(clone, "diff-files", "--name-only")).Count);
        }
        finally
        {
            Directory.Delete(clone, recursive: true);
        }
    }

    [Fact]
    public async Task A_run_cancelled_during_the_refresh_lets_git_finish_so_no_index_lock_is_left_behind()
    {
        // A git whose refresh takes a while: the run is cancelled (Ctrl-C) once it runs, while it holds index.lock.
        var started = repo.Full(".git/refresh.started");
        var finished = repo.Full(".git/refresh.finished");
        var slowGit = repo.Full(".git/slow-git.sh");
        File.WriteAllText(slowGit, $"#!/bin/sh\ncase \" $* \" in *\" update-index \"*) touch '{started}'; sleep 1; git \"$@\"; rc=$?; touch '{finished}'; exit $rc;; esac\nexec git \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(slowGit, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var cancellation = new CancellationTokenSource();

        using (var git = new LibGit2Sharp.Repository(repo.Root))
        {
            var refresh = Task.Run(() => IndexRefresh.Run(git, git.Config, cancellation.Token, GoMonorepoBuild.Processes.Tool.Named(slowGit)),
                TestContext.Current.CancellationToken);
            while (!File.Exists(started) && !refresh.IsCompleted) await Task.Delay(10, TestContext.Current.CancellationToken);
            await cancellation.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => refresh);
        }

        Assert.True(File.Exists(finished), "git update-index was killed while it held index.lock");
        Assert.False(File.Exists(repo.Full(".git/index.lock")));
        Assert.Equal(["libs/auth/token.go"], Lines(await GitCli.OutputAsync(repo.Root, "diff-files", "--name-only")));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("Yes", true)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData("OFF", false)]
    [InlineData("no", false)]
    [InlineData("", false)]
    public void GIT_OPTIONAL_LOCKS_is_read_as_git_reads_a_boolean(string? value, bool allowed) =>
        Assert.Equal(allowed, OptionalLocks.Allowed(value));

    [Fact]
    public async Task A_run_repository_told_not_to_refresh_leaves_the_index_as_it_was()
    {
        using (var run = RunRepository.At(repo.Root, refreshIndex: false))
            run.Status(TestContext.Current.CancellationToken);

        Assert.Equal(committed.Count, (await StatDirtyAsync()).Count);
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData(null, true)]
    public async Task The_Affected_target_writes_the_index_only_where_GIT_OPTIONAL_LOCKS_allows_it(string? optionalLocks, bool refreshed)
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("gmb-locks-").FullName, "affected.json");
        var environment = new Dictionary<string, string>();
        if (optionalLocks is not null) environment[OptionalLocks.Variable] = optionalLocks;
        try
        {
            var run = await Targets.InProcessBuild.RunAsync(new AffectedBuild(), repo.Root,
                ["Affected", "--services", "services/*", "--base", baseSha, "--output", output], environment);

            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            Assert.Contains("\"orders\"", await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken));
            Assert.Equal(refreshed ? 1 : committed.Count, (await StatDirtyAsync()).Count);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
    }

    sealed class AffectedBuild : MonorepoBuild
    {
        protected override IReadOnlyDictionary<string, string?> CiVariables() => new Dictionary<string, string?>();
    }

    async Task<IReadOnlyList<string>> StatDirtyAsync() => Lines(await GitCli.OutputAsync(repo.Root, "diff-files", "--name-only"));

    static IReadOnlyList<string> Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
