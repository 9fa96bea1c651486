using GoMonorepoBuild.Changes;

namespace GoMonorepoBuild.Tests.Changes;

/// <summary>
/// The head commit's model is read from the checkout only when the checkout holds exactly that commit (issue 17): any
/// local difference, a file git ignores, another commit, a submodule or a checkout conversion sends the analysis back to
/// the revision copy.
/// </summary>
public class CleanCheckoutTests
{
    static TestRepository Committed()
    {
        var repo = new TestRepository();
        repo.Write("go.mod", "module example.com/m\n\ngo 1.23\n")
            .Write("cmd/app/main.go", "package main\n\nfunc main() {}\n")
            .Write(".gitignore", "bin/\n")
            .Commit("base");
        return repo;
    }

    static Task<bool> HoldsHeadAsync(TestRepository repo, string folder = ".", params string[] excluded) =>
        CleanCheckout.HoldsAsync(repo.Root, folder, repo.HeadSha, excluded, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_fresh_checkout_of_the_commit_holds_it()
    {
        using var repo = Committed();

        Assert.True(await HoldsHeadAsync(repo));
        Assert.True(await HoldsHeadAsync(repo, "cmd"));
    }

    [Theory]
    [InlineData("edited", "cmd/app/main.go")]
    [InlineData("untracked", "cmd/app/extra.go")]
    [InlineData("ignored", "bin/app.go")]
    public async Task A_local_difference_of_any_kind_means_the_checkout_does_not_hold_the_commit(string kind, string path)
    {
        using var repo = Committed();
        repo.Write(path, "package main\n\n// " + kind + "\n");

        Assert.False(await HoldsHeadAsync(repo));
    }

    [Fact]
    public async Task Another_commit_checked_out_calls_off_gits_status_walk_and_leaves_no_git_process_running()
    {
        using var repo = Committed();
        var asked = repo.HeadSha;
        repo.Write("cmd/app/main.go", "package main\n\n// next\n\nfunc main() {}\n").Commit("next");
        // The status walk starts before HEAD is looked at (it is the longest part): a git whose walk never ends must be
        // called off once HEAD says no.
        var slowGit = IndexLockTests.SlowStatus(repo, out _, out var pidFile);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var holds = await CleanCheckout.HoldsAsync(repo.Root, ".", asked, [], TestContext.Current.CancellationToken, slowGit);

        Assert.False(holds);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the question waited {clock.Elapsed} for a status walk it no longer needed");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            Assert.False(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z "),
                $"git status (pid {pid}) still runs after the question ended");
    }

    [Fact]
    public async Task A_local_difference_calls_off_gits_answer_on_attributes_and_leaves_no_git_process_running()
    {
        using var repo = new TestRepository();
        repo.Write("go.mod", "module example.com/m\n\ngo 1.23\n")
            .Write("cmd/app/main.go", "package main\n\nfunc main() {}\n")
            .Write(".gitattributes", "*.go ident\n")
            .Commit("base");
        repo.Write("cmd/app/extra.go", "package main\n");
        // A git whose answer on attributes never comes: the question must not wait for it once the status says no.
        var pidFile = repo.Full(".git/check-attr.pid");
        var slowGit = repo.Full(".git/slow-git.sh");
        File.WriteAllText(slowGit, $"#!/bin/sh\ncase \" $* \" in *\" check-attr \"*) echo $$ > '{pidFile}'; exec sleep 120;; esac\nexec git \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(slowGit, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var holds = await CleanCheckout.HoldsAsync(repo.Root, ".", repo.HeadSha, [], TestContext.Current.CancellationToken, GoMonorepoBuild.Processes.Tool.Named(slowGit));

        Assert.False(holds);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the question waited {clock.Elapsed} for an answer it no longer needed");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            Assert.False(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z "),
                $"git check-attr (pid {pid}) still runs after the question ended");
    }

    [Fact]
    public async Task A_difference_outside_the_folder_or_in_the_builds_own_output_does_not_count()
    {
        using var repo = Committed();
        repo.Write("docs/notes.md", "untracked, outside cmd").Write(".nuke/temp/build.log", "the build's own output");

        Assert.True(await HoldsHeadAsync(repo, "cmd"));
        Assert.False(await HoldsHeadAsync(repo, "."));
        Assert.False(await HoldsHeadAsync(repo, ".", ".nuke/temp", "docs/elsewhere"));
        File.Delete(repo.Full("docs/notes.md"));
        Assert.True(await HoldsHeadAsync(repo, ".", ".nuke/temp"));
    }

    [Fact]
    public async Task A_build_output_folder_outside_the_repository_is_no_reason_to_doubt_the_checkout()
    {
        using var repo = Committed();

        // The build beside the monorepo (as with the corpus): its .nuke/temp is outside, and git refuses such a pathspec.
        Assert.True(await HoldsHeadAsync(repo, ".", "../build/.nuke/temp"));
        Assert.True(await HoldsHeadAsync(repo, "cmd", "../elsewhere/.nuke/temp"));
    }

    [Fact]
    public async Task Another_commit_than_the_checked_out_one_is_not_held()
    {
        using var repo = Committed();
        var first = repo.HeadSha;
        repo.Write("cmd/app/more.go", "package main\n").Commit("more");

        Assert.False(await CleanCheckout.HoldsAsync(repo.Root, ".", first, [], TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("*.go filter=lfs\n")]
    [InlineData("*.go ident\n")]
    [InlineData("*.go eol=crlf\n")]
    [InlineData("*.go working-tree-encoding=UTF-16\n")]
    public async Task An_attribute_that_converts_files_on_checkout_sends_the_analysis_to_the_revision_copy(string attributes)
    {
        using var repo = Committed();
        repo.Write(".gitattributes", attributes).Commit("attributes");

        Assert.False(await HoldsHeadAsync(repo));
    }

    [Fact]
    public async Task Attributes_that_leave_files_as_committed_keep_the_checkout()
    {
        using var repo = Committed();
        repo.Write(".gitattributes", "*.go diff=golang eol=lf\n*.md text\n").Commit("attributes");

        Assert.True(await HoldsHeadAsync(repo));
    }

    [Theory]
    [InlineData("core.autocrlf", "true")]
    [InlineData("core.eol", "crlf")]
    [InlineData("core.symlinks", "false")]
    public async Task A_configuration_that_converts_files_on_checkout_sends_the_analysis_to_the_revision_copy(string key, string value)
    {
        using var repo = Committed();
        await GitCli.RunAsync(repo.Root, "config", key, value);

        Assert.False(await HoldsHeadAsync(repo));
    }

    [Fact]
    public async Task A_checked_out_submodule_below_the_folder_sends_the_analysis_to_the_revision_copy_and_one_never_initialised_does_not()
    {
        using var repo = Committed();
        await GitCli.RunAsync(repo.Root, "update-index", "--add", "--cacheinfo", $"160000,{repo.HeadSha},libs/sub");
        await GitCli.RunAsync(repo.Root, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "submodule");

        Assert.False(await HoldsHeadAsync(repo)); // no folder at all: git reports the submodule deleted
        Directory.CreateDirectory(Path.Combine(repo.Root, "libs/sub"));
        Assert.True(await HoldsHeadAsync(repo)); // never initialised: the empty folder a clone makes, as in a copy of the commit
        File.WriteAllText(Path.Combine(repo.Root, "libs/sub/sub.go"), "package sub\n");
        Assert.False(await HoldsHeadAsync(repo));
        Assert.True(await HoldsHeadAsync(repo, "cmd"));
    }

    [Theory]
    [InlineData("cmd/.gitattributes", "*.go filter=lfs\n")]
    [InlineData("cmd/app/.gitattributes", "main.go ident\n")]
    [InlineData(".gitattributes", "[attr]converted filter=lfs\n*.go converted\n")]
    [InlineData(".gitattributes", "*.go text eol=lf\ncmd/** eol=crlf\n")]
    public async Task A_converting_attribute_in_any_attributes_file_of_the_tree_is_found(string path, string attributes)
    {
        using var repo = Committed();
        repo.Write(path, attributes).Commit("attributes");

        Assert.False(await HoldsHeadAsync(repo));
        Assert.False(await HoldsHeadAsync(repo, "cmd"));
    }

    [Fact]
    public async Task A_converting_attribute_outside_the_tree_is_found_too()
    {
        using var repo = Committed();
        // info/attributes (the repository's own), and core.attributesFile (a user's): no commit carries them.
        Directory.CreateDirectory(Path.Combine(repo.Root, ".git", "info"));
        File.WriteAllText(Path.Combine(repo.Root, ".git", "info", "attributes"), "*.go ident\n");
        Assert.False(await HoldsHeadAsync(repo));

        File.Delete(Path.Combine(repo.Root, ".git", "info", "attributes"));
        Assert.True(await HoldsHeadAsync(repo));
        var userFile = Path.Combine(repo.Root, ".git", "user-attributes");
        File.WriteAllText(userFile, "*.go working-tree-encoding=UTF-16\n");
        await GitCli.RunAsync(repo.Root, "config", "core.attributesFile", userFile);
        Assert.False(await HoldsHeadAsync(repo));
    }

    [Fact]
    public async Task Attributes_as_a_large_repository_sets_them_keep_the_checkout()
    {
        using var repo = Committed();
        // moby's: line endings pinned to LF, vendored files binary; nothing converts on checkout.
        repo.Write(".gitattributes", "* text=auto eol=lf\nvendor/** -text\n*.golden linguist-generated=true\n")
            .Write("cmd/.gitattributes", "*.go text eol=lf\n# gofmt always uses LF\n*.go -filter !ident\n")
            .Commit("attributes");

        Assert.True(await HoldsHeadAsync(repo));
    }

    [Fact]
    public async Task A_conversion_of_files_the_model_does_not_read_keeps_the_checkout()
    {
        using var repo = Committed();
        // As a vendored module of moby's does: scripts converted to CRLF, never read by the model (it lists them by name).
        repo.Write("cmd/.gitattributes", "*.bat text eol=crlf\n").Write("cmd/run.bat", "echo hi\n").Commit("scripts");

        Assert.True(await HoldsHeadAsync(repo));
        repo.Write("cmd/.gitattributes", "*.bat text eol=crlf\n*.go ident\n").Commit("go too");
        Assert.False(await HoldsHeadAsync(repo));
    }
}
