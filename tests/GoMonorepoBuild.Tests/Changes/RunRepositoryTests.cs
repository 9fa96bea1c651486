using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Inputs;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Changes;

/// <summary>One run's repository, opened once and shared by the head, the branch and the index digests.</summary>
public class RunRepositoryTests
{
    [Fact]
    public void The_head_the_branch_and_the_index_digests_read_one_opened_repository()
    {
        using var git = new TestRepository();
        git.Write("services/orders/main.go", "package main\n\nfunc main() {}\n");
        var sha = git.Commit("first");
        git.Branch("feature/x");
        git.Checkout("feature/x");
        using var run = RunRepository.At(git.Full("services"));

        Assert.True(run.Exists);
        Assert.Equal(sha, GitHead.Find(run)!.Sha);
        Assert.Equal("feature/x", GitBranch.Current(run, _ => null));
        Assert.Equal("feature-from-ci", GitBranch.Current(run, name => name == "GITHUB_HEAD_REF" ? "feature-from-ci" : null));
        var digests = GitIndexDigests.For(run, git.Root, TestContext.Current.CancellationToken);

        // Opened once: every question gets the same repository object.
        Assert.Same(run.Read(repo => repo, null), run.Read(repo => repo, null));
        Assert.Equal(new ContentDigests(git.Root).Of("services/orders/main.go"), digests.Of("services/orders/main.go"));
    }

    [Fact]
    public void A_folder_outside_git_has_no_repository_and_every_question_gets_its_answer_for_none()
    {
        var folder = Directory.CreateTempSubdirectory("gmb-nogit-");
        try
        {
            using var run = RunRepository.At(folder.FullName);

            Assert.False(run.Exists);
            Assert.Null(GitHead.Find(run));
            Assert.Null(GitBranch.Current(run, _ => null));
            Assert.IsType<ContentDigests>(GitIndexDigests.For(run, folder.FullName, TestContext.Current.CancellationToken));
        }
        finally { folder.Delete(true); }
    }

    [Fact]
    public void A_disposed_repository_is_not_reopened()
    {
        using var git = new TestRepository();
        git.Write("a.txt", "a\n");
        git.Commit();
        var run = RunRepository.At(git.Root);
        Assert.NotNull(GitHead.Find(run));

        run.Dispose();

        Assert.Throws<ObjectDisposedException>(() => GitHead.Find(run));
    }
    [Fact]
    public async Task The_working_directory_once_resolved_is_read_while_another_thread_holds_the_repository()
    {
        // The index digests' status walk holds the handle for a while; the analysis's request, and the model load behind
        // it, read the working directory meanwhile (issue 19: at 498 services the load waited ~250 ms for the walk).
        using var git = new TestRepository();
        git.Write("a.txt", "a\n");
        git.Commit();
        using var run = RunRepository.At(git.Root);
        var resolved = run.WorkingDirectory;
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = Task.Run(() => run.Use(_ =>
        {
            holding.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return 0;
        }), TestContext.Current.CancellationToken);
        holding.Wait(TestContext.Current.CancellationToken);

        var read = Task.Run(() => run.WorkingDirectory, TestContext.Current.CancellationToken);
        var answered = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)) == read;
        release.Set();
        await holder;

        Assert.True(answered, "the working directory waited for the thread holding the repository");
        Assert.Equal(resolved, await read);
        Assert.Equal(RealPath.Of(git.Root), resolved);
    }
}
