using GoMonorepoBuild.Changes;
using LibGit2Sharp;

namespace GoMonorepoBuild.Tests.Changes;

/// <summary>
/// The run finds its git folder itself (<see cref="GitDirectoryDiscovery"/>), because LibGit2Sharp's
/// <c>Repository.Discover</c> finds nothing under Native AOT. These tests run under the JIT, where
/// <c>Repository.Discover</c> still answers: each case is held to libgit2's own answer as well as to the folder expected.
/// </summary>
public class GitDirectoryDiscoveryTests : IDisposable
{
    readonly TestRepository repo = new();
    readonly string scratch = Directory.CreateTempSubdirectory("gmb-discovery-").FullName;

    public GitDirectoryDiscoveryTests() => repo.Write("a/b/file.txt", "x\n").Commit("base");

    public void Dispose()
    {
        try { Directory.Delete(scratch, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        repo.Dispose();
    }

    static string Slashed(string path) => path + Path.DirectorySeparatorChar;

    /// <summary>Our answer for <paramref name="folder"/>, after checking it is libgit2's.</summary>
    static string? Found(string folder)
    {
        var found = GitDirectoryDiscovery.Find(folder);
        Assert.Equal(Repository.Discover(folder), found);
        return found;
    }

    [Fact]
    public void A_subfolder_finds_the_git_folder_above_it_with_a_trailing_slash()
    {
        Assert.Equal(Slashed(Path.Combine(repo.Root, ".git")), Found(repo.Full("a/b")));
        Assert.Equal(Slashed(Path.Combine(repo.Root, ".git")), Found(repo.Root));
    }

    [Fact]
    public async Task A_folder_inside_the_git_folder_or_a_bare_repository_finds_that_folder()
    {
        var bare = Path.Combine(scratch, "bare.git");
        await GitCli.RunAsync(scratch, "clone", "-q", "--bare", repo.Root, bare);

        Assert.Equal(Slashed(Path.Combine(repo.Root, ".git")), Found(Path.Combine(repo.Root, ".git", "refs", "heads")));
        Assert.Equal(Slashed(bare), Found(Path.Combine(bare, "refs", "heads")));
    }

    [Fact]
    public async Task A_linked_worktree_finds_its_own_git_folder_in_the_main_repository()
    {
        var worktree = Path.Combine(scratch, "feature");
        await GitCli.RunAsync(repo.Root, "worktree", "add", "-q", "-b", "feature", worktree);

        Assert.Equal(Slashed(Path.Combine(repo.Root, ".git", "worktrees", "feature")), Found(Path.Combine(worktree, "a", "b")));
    }

    [Fact]
    public async Task An_initialised_submodule_finds_its_git_folder_in_the_superproject_and_an_empty_one_the_superproject()
    {
        using var super = new TestRepository();
        await GitCli.AddSubmoduleAsync(super, repo.Root);
        var clone = Path.Combine(scratch, "clone");
        await GitCli.CloneAsync(super.Root, clone); // sub/ stays an empty folder

        Assert.Equal(Slashed(Path.Combine(super.Root, ".git", "modules", "sub")), Found(Path.Combine(super.Root, "sub", "a")));
        Assert.Equal(Slashed(Path.Combine(clone, ".git")), Found(Path.Combine(clone, "sub")));
    }

    [Fact]
    public void A_folder_in_no_repository_finds_none()
    {
        var folder = Directory.CreateDirectory(Path.Combine(scratch, "plain", "deeper")).FullName;

        Assert.Null(Found(folder));
    }

    [Fact]
    public void A_folder_reached_through_a_link_finds_the_git_folder_under_its_real_path()
    {
        var link = Path.Combine(scratch, "link");
        Directory.CreateSymbolicLink(link, repo.Full("a"));

        Assert.Equal(Slashed(Path.Combine(repo.Root, ".git")), Found(Path.Combine(link, "b")));
    }

    [Fact]
    public void A_dot_git_file_ends_the_search_even_when_it_names_no_folder_and_a_malformed_one_is_an_error_as_in_libgit2()
    {
        var broken = Directory.CreateDirectory(repo.Full("nested")).FullName;
        File.WriteAllText(Path.Combine(broken, ".git"), "gitdir: ../../no-such-folder\n");
        var malformed = Directory.CreateDirectory(repo.Full("other")).FullName;
        File.WriteAllText(Path.Combine(malformed, ".git"), "not a link\n");

        Assert.Null(Found(broken)); // not the repository above it
        Assert.ThrowsAny<LibGit2SharpException>(() => Repository.Discover(malformed));
        Assert.Contains("malformed", Assert.Throws<InvalidOperationException>(() => GitDirectoryDiscovery.Find(malformed)).Message);
    }

    [Fact]
    public void The_run_repository_of_a_folder_not_made_yet_is_the_one_holding_its_nearest_parent()
    {
        using var run = RunRepository.At(repo.Full("a/not/made/yet"));

        Assert.True(run.Exists);
        Assert.Equal(Slashed(Path.Combine(repo.Root, ".git")), run.GitDirectory);
        Assert.Null(GitDirectoryDiscovery.Find(repo.Full("a/not/made/yet")));
    }
}
