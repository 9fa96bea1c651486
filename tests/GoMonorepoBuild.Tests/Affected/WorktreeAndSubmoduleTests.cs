using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Tests.Changes;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>
/// Checkouts that are not a plain clone: a linked <c>git worktree</c> (own HEAD and index, shared history) and a
/// monorepo inside a git submodule (the submodule is the repository compared, never its superproject).
/// </summary>
public class WorktreeAndSubmoduleTests : IDisposable
{
    readonly TestRepository repo = new();
    readonly string scratch = Directory.CreateTempSubdirectory("gmb-checkouts-").FullName;
    readonly string baseSha;

    public WorktreeAndSubmoduleTests()
    {
        SampleMonorepo.WriteTo(repo, prefix: "go");
        baseSha = repo.Commit("base");
    }

    public void Dispose()
    {
        try { Directory.Delete(scratch, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        repo.Dispose();
    }

    static Task Git(string directory, params string[] arguments) => GitCli.CommitterAsync(directory, arguments);

    static void Write(string root, string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, path))!);
        File.WriteAllText(Path.Combine(root, path), content);
    }

    [Fact]
    public async Task A_linked_worktree_is_compared_on_its_own_branch_with_the_base_from_the_shared_history()
    {
        var worktree = Path.Combine(scratch, "feature");
        await Git(repo.Root, "worktree", "add", "-q", "-b", "feature", worktree);
        // The default branch moves on in the main checkout: the merge-base, not its tip, is the worktree's base.
        repo.Write("go/libs/util/util.go", "package util\n\nfunc Do() { }\n").Commit("on the default branch");
        Write(worktree, "go/libs/auth/token.go", "package auth\n\nfunc Token() string { return \"wt\" }\n");
        await Git(worktree, "commit", "-q", "-am", "in the worktree");
        Write(worktree, "go/services/web/static/index.html", "<h1>uncommitted</h1>\n");

        var workingTree = await Analyse.RunAsync(Path.Combine(worktree, "go"), null);
        var committed = await Analyse.RunAsync(Path.Combine(worktree, "go"), null, configure: r => r.WithHead("HEAD"));

        Assert.Equal(baseSha, workingTree.Base);
        Assert.Equal(["orders", "web"], workingTree.Names());
        Assert.Equal(["libs/auth/token.go", "services/web/static/index.html"], workingTree.ChangedFiles);
        Assert.Equal(baseSha, committed.Base);
        Assert.Equal(["orders"], committed.Names());
    }

    [Fact]
    public async Task A_monorepo_inside_a_submodule_is_compared_in_the_submodule_with_its_own_refs()
    {
        await Git(repo.Root, "branch", "release", baseSha);
        using var super = new TestRepository();
        await GitCli.AddSubmoduleAsync(super, repo.Root);
        var sub = super.Full("sub");
        // Detached, as `git submodule update` leaves it; the local default branch stays at the base.
        await Git(sub, "checkout", "-q", "--detach");
        Write(sub, "go/libs/auth/token.go", "package auth\n\nfunc Token() string { return \"sub\" }\n");
        await Git(sub, "commit", "-q", "-am", "in the submodule");
        Write(sub, "go/libs/util/util.go", "package util\n\nfunc Do() { }\n");
        super.Write("README.md", "super, edited\n"); // the superproject's own change is no change of the monorepo

        var workingTree = await Analyse.RunAsync(Path.Combine(sub, "go"), null);
        var fromSubmoduleRef = await Analyse.RunAsync(Path.Combine(sub, "go"), "origin/release", configure: r => r.WithHead("HEAD"));

        Assert.Equal(baseSha, workingTree.Base);
        Assert.Equal(["orders", "payments"], workingTree.Names());
        Assert.Equal(["libs/auth/token.go", "libs/util/util.go"], workingTree.ChangedFiles);
        Assert.Equal(0, workingTree.OutsideFiles);
        // origin/release exists only in the submodule's repository.
        Assert.Equal(baseSha, fromSubmoduleRef.Base);
        Assert.Equal(["orders"], fromSubmoduleRef.Names());
    }

    /// <summary>
    /// A monorepo whose libs/auth is a submodule (orders uses it); returns the superproject, its commit with the submodule
    /// at its first commit, and its commit with the submodule moved to a second one that edits token.go.
    /// </summary>
    async Task<(TestRepository Super, string Before, string After)> LibraryInASubmoduleAsync()
    {
        var auth = new TestRepository();
        auth.Write("go.mod", "module example.com/libs/auth\n\ngo 1.23\n")
            .Write("auth.go", "package auth\n\nfunc Check() bool { return true }\n")
            .Write("token.go", "package auth\n\nfunc Token() string { return \"t\" }\n").Commit("auth");
        var super = SampleMonorepo.WriteTo(new TestRepository()).Delete("libs/auth");
        await Git(super.Root, "add", "-A");
        await Git(super.Root, "commit", "-q", "-m", "monorepo");
        await Git(super.Root, "submodule", "add", "-q", "file://" + auth.Root, "libs/auth");
        await Git(super.Root, "commit", "-q", "-m", "auth as a submodule");
        var before = await GitCli.OutputAsync(super.Root, "rev-parse", "HEAD");
        Write(super.Full("libs/auth"), "token.go", "package auth\n\nfunc Token() string { return \"v2\" }\n");
        await Git(super.Full("libs/auth"), "commit", "-q", "-am", "token v2");
        await Git(super.Root, "commit", "-q", "-am", "move the auth submodule");
        return (super, before, await GitCli.OutputAsync(super.Root, "rev-parse", "HEAD"));
    }

    [Fact]
    public async Task A_moved_submodule_pointer_changes_the_files_that_moved_in_the_submodule()
    {
        var (super, before, _) = await LibraryInASubmoduleAsync();
        using var __ = super;

        var result = await Analyse.RunAsync(super.Root, before);

        Assert.Equal(["libs/auth/token.go"], result.ChangedFiles);
        Assert.Equal(["orders"], result.Names());
        Assert.Empty(result.Notes);
    }

    [Fact]
    public async Task A_submodule_pointer_from_a_commit_the_submodule_lacks_changes_every_file_of_it_and_says_why()
    {
        var (super, _, after) = await LibraryInASubmoduleAsync();
        using var __ = super;
        const string unknown = "1111111111111111111111111111111111111111";
        await Git(super.Root, "checkout", "-q", "-b", "elsewhere");
        await Git(super.Root, "update-index", "--cacheinfo", $"160000,{unknown},libs/auth");
        await Git(super.Root, "commit", "-q", "-m", "point at a commit nobody fetched");
        var missing = await GitCli.OutputAsync(super.Root, "rev-parse", "HEAD");
        await Git(super.Root, "checkout", "-q", after);

        var result = await Analyse.RunAsync(super.Root, missing);

        Assert.Equal(["libs/auth/auth.go", "libs/auth/go.mod", "libs/auth/token.go"], result.ChangedFiles);
        Assert.Equal(["orders"], result.Names());
        var note = Assert.Single(result.Notes);
        Assert.Contains("submodule 'libs/auth'", note);
        Assert.Contains("which its repository does not hold", note);
        Assert.Contains("git -C libs/auth fetch", note);
    }

    [Fact]
    public async Task A_monorepo_in_a_submodule_that_is_not_checked_out_says_to_initialise_it()
    {
        using var super = new TestRepository();
        await GitCli.AddSubmoduleAsync(super, repo.Root);
        var clone = Path.Combine(scratch, "clone");
        await GitCli.CloneAsync(super.Root, clone); // no --recurse-submodules: sub/ stays an empty folder

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Analyse.RunAsync(Path.Combine(clone, "sub", "go"), "HEAD"));

        Assert.Contains("submodule 'sub'", e.Message);
        Assert.Contains("not checked out", e.Message);
        Assert.Contains("git submodule update --init sub", e.Message);
    }

    [Fact]
    public async Task A_monorepo_in_no_git_repository_says_so_and_what_to_run_instead()
    {
        var folder = Path.Combine(scratch, "plain");
        Write(folder, "services/a/go.mod", "module example.com/a\n\ngo 1.23\n");
        Write(folder, "services/a/main.go", "package main\n\nfunc main() {}\n");
        Assert.Null(LibGit2Sharp.Repository.Discover(folder)); // the premise: nothing above the temp folder is a repository

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Analyse.RunAsync(folder, "HEAD~1"));

        Assert.Contains(folder, e.Message);
        Assert.Contains("not in a git repository", e.Message);
        Assert.Contains("BuildChanged", e.Message);
    }
}
