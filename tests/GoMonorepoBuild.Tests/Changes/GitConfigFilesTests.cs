using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Targets;
using LibGit2Sharp;

namespace GoMonorepoBuild.Tests.Changes;

/// <summary>
/// The user's and the system's git configuration, found as libgit2 finds it (<see cref="GitConfigFiles"/>) and read by
/// name, since <c>Repository.Config</c> misses them under Native AOT. The finder is a function of an environment (the
/// process's is read once per process, as libgit2 reads it), so it is tested over dictionaries, and held to libgit2's own
/// search paths for this process.
/// </summary>
public class GitConfigFilesTests : IDisposable
{
    readonly string home = Directory.CreateTempSubdirectory("gmb-home-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(home, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    static GitConfigFiles Locate(Dictionary<string, string> environment) =>
        GitConfigFiles.Locate(name => environment.GetValueOrDefault(name), File.Exists);

    string Write(string relative, string text)
    {
        var path = Path.Combine(home, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_user_files_are_found_in_home_and_in_its_xdg_folder_when_they_exist()
    {
        Assert.Equal(new GitConfigFiles(null, null, Locate([]).System), Locate(new() { ["HOME"] = home }));

        var global = Write(".gitconfig", "[core]\n\tautocrlf = true\n");
        var xdg = Write(".config/git/config", "[core]\n\teol = crlf\n");

        var found = Locate(new() { ["HOME"] = home });
        Assert.Equal(global, found.Global);
        Assert.Equal(xdg, found.Xdg);
    }

    [Fact]
    public void XDG_CONFIG_HOME_replaces_the_xdg_default_and_an_empty_one_does_not()
    {
        Write(".config/git/config", "[core]\n\teol = crlf\n");
        var other = Write("elsewhere/git/config", "[core]\n\teol = lf\n");

        Assert.Equal(other, Locate(new() { ["HOME"] = home, ["XDG_CONFIG_HOME"] = Path.Combine(home, "elsewhere") }).Xdg);
        Assert.Equal(Path.Combine(home, ".config", "git", "config"), Locate(new() { ["HOME"] = home, ["XDG_CONFIG_HOME"] = "" }).Xdg);
    }

    [Fact]
    public void Without_home_no_user_file_is_found()
    {
        Write(".gitconfig", "[core]\n\tautocrlf = true\n");

        var found = Locate([]);

        Assert.Null(found.Global);
        Assert.Null(found.Xdg);
    }

    [Fact]
    public void The_folders_searched_are_libgit2s_own_for_this_process()
    {
        var everywhere = GitConfigFiles.Locate(ProcessEnvironment.Variable, _ => true);

        Assert.Equal(GlobalSettings.GetConfigSearchPaths(ConfigurationLevel.Global).Single(), Path.GetDirectoryName(everywhere.Global));
        Assert.Equal(GlobalSettings.GetConfigSearchPaths(ConfigurationLevel.Xdg).Single(), Path.GetDirectoryName(everywhere.Xdg));
        Assert.Equal(GlobalSettings.GetConfigSearchPaths(ConfigurationLevel.System).Single(), Path.GetDirectoryName(everywhere.System));
    }

    [Fact]
    public async Task The_configuration_reads_the_user_file_under_the_repository_own_and_a_worktree_reads_the_main_one()
    {
        using var repo = new TestRepository();
        repo.Write("a.txt", "a\n").Commit();
        var global = Write(".gitconfig", "[core]\n\tattributesFile = ~/attributes\n\teol = crlf\n[remote \"origin\"]\n\tpromisor = true\n");
        await GitCli.RunAsync(repo.Root, "config", "core.eol", "lf");
        var worktree = Path.Combine(home, "feature");
        await GitCli.RunAsync(repo.Root, "worktree", "add", "-q", "-b", "feature", worktree);
        var files = new GitConfigFiles(global, null, null);

        using var config = files.Open(GitDirectoryDiscovery.Find(repo.Root)!);
        using var fromWorktree = files.Open(GitDirectoryDiscovery.Find(worktree)!);

        Assert.Equal("~/attributes", config.Get<string>("core.attributesFile")?.Value);
        Assert.Equal("~/attributes", fromWorktree.Get<string>("core.attributesFile")?.Value);
        Assert.Equal("lf", config.Get<string>("core.eol")?.Value);
        Assert.Equal("lf", fromWorktree.Get<string>("core.eol")?.Value);
        Assert.Equal(["origin"], PartialClone.PromisorRemotes(config));
    }
}
