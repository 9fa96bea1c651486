using System.Text.Json;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Setup;

/// <summary>The `dotnet new gomonorepobuild` template: what it writes, and what it never overwrites.</summary>
[Collection(PackedFeedCollection.Name)]
public class ScaffoldTemplateTests(PackedFeed feed)
{
    static readonly string[] Scaffolded =
        ["build/_build.csproj", "build/Build.cs", "build/.gitignore", "build.sh", "build.ps1", ".nuke/parameters.json", ".nuke/.gitignore"];

    [Fact]
    public async Task Scaffolding_writes_the_build_next_to_the_services_and_git_ignores_its_temp_folder()
    {
        using var repo = new ScaffoldedRepository();
        File.WriteAllText(repo.PathOf(".gitignore"), "/dist\n");

        var result = await feed.ScaffoldAsync(repo.Root, "--services", "services/*,tools/*");

        Assert.True(result.ExitCode == 0, $"dotnet new failed ({result.ExitCode}):\n{result.StandardOutput}\n{result.StandardError}");
        foreach (var file in Scaffolded) Assert.True(File.Exists(repo.PathOf(file)), $"{file} was not scaffolded");
        Assert.Equal("/dist\n", File.ReadAllText(repo.PathOf(".gitignore")));
        if (!OperatingSystem.IsWindows())
            Assert.True(File.GetUnixFileMode(repo.PathOf("build.sh")).HasFlag(UnixFileMode.UserExecute), "build.sh is not executable");
        Assert.Contains($"Include=\"GoMonorepoBuild\" Version=\"{PackedFeed.VersionOf(PackedFeed.FrameworkProject)}\"",
            File.ReadAllText(repo.PathOf("build/_build.csproj")));
        using var parameters = JsonDocument.Parse(File.ReadAllText(repo.PathOf(".nuke/parameters.json")));
        Assert.Equal(["services/*,tools/*"], parameters.RootElement.GetProperty("Services").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("class Build : MonorepoBuild", File.ReadAllText(repo.PathOf("build/Build.cs")));
        // --feed: the packed folder is a source beside the build project; the user's own nuget.config is untouched.
        Assert.Contains($"value=\"{feed.Folder}\"", File.ReadAllText(repo.PathOf("build/nuget.config")));
        Assert.DoesNotContain(feed.Folder, File.ReadAllText(repo.PathOf("nuget.config")));

        Assert.True(await IsIgnoredAsync(repo, ".nuke/temp/build-bin/_build.dll"), ".nuke/temp must be git-ignored");
        Assert.True(await IsIgnoredAsync(repo, "build/obj/project.assets.json"), "build/obj must be git-ignored");
        Assert.False(await IsIgnoredAsync(repo, ".nuke/parameters.json"), ".nuke/parameters.json must not be git-ignored");
    }

    [Fact]
    public async Task Scaffolding_again_changes_nothing_unless_forced()
    {
        using var repo = new ScaffoldedRepository();
        Directory.CreateDirectory(repo.PathOf("build"));
        const string mine = "// the user's own build\n";
        File.WriteAllText(repo.PathOf("build/Build.cs"), mine);

        var refused = await feed.ScaffoldAsync(repo.Root);

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("build/Build.cs", refused.StandardOutput + refused.StandardError);
        Assert.Contains("--force", refused.StandardOutput + refused.StandardError);
        Assert.Equal(mine, File.ReadAllText(repo.PathOf("build/Build.cs")));
        Assert.False(File.Exists(repo.PathOf("build.sh")), "nothing is written when one file would be overwritten");

        var forced = await feed.ScaffoldAsync(repo.Root, "--force");

        Assert.True(forced.ExitCode == 0, $"dotnet new --force failed ({forced.ExitCode}):\n{forced.StandardOutput}\n{forced.StandardError}");
        Assert.Contains("class Build : MonorepoBuild", File.ReadAllText(repo.PathOf("build/Build.cs")));
    }

    [Fact]
    public async Task The_scaffolded_build_runs_its_own_target_and_its_overridden_standard_target()
    {
        using var repo = new ScaffoldedRepository();
        var scaffold = await feed.ScaffoldAsync(repo.Root);
        Assert.True(scaffold.ExitCode == 0, $"dotnet new failed ({scaffold.ExitCode}):\n{scaffold.StandardOutput}\n{scaffold.StandardError}");

        // ListServices is the template's own target; Graph its override of the framework's, which it extends.
        var run = await repo.BuildAsync("Graph", "ListServices");

        Assert.True(run.ExitCode == 0, $"the scaffolded build failed ({run.ExitCode}):\n{run.StandardOutput}\n{run.StandardError}");
        Assert.Matches(@"(?m)^orders\tservices/orders$", run.StandardOutput);
        Assert.True(File.Exists(repo.PathOf(".nuke/temp/graph/workspace.mmd")), "the framework's Graph did not run under the override");
        Assert.Contains("into any Mermaid viewer", run.StandardOutput);
        Assert.Matches(@"\| ListServices +\| Succeeded", run.StandardOutput);
    }

    static async Task<bool> IsIgnoredAsync(ScaffoldedRepository repo, string path)
    {
        var result = await Tool.Named("git").WithWorkingDirectory(repo.Root)
            .TryRunAsync(["check-ignore", "-q", path], TestContext.Current.CancellationToken);
        return result.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => throw new InvalidOperationException($"git check-ignore {path} failed ({result.ExitCode}): {result.StandardError}"),
        };
    }

    [Fact]
    public void The_template_references_the_framework_version_it_ships_with()
    {
        var framework = PackedFeed.VersionOf(PackedFeed.FrameworkProject);
        Assert.Equal(framework, PackedFeed.VersionOf(PackedFeed.TemplateProject));
        using var template = JsonDocument.Parse(File.ReadAllText(PackedFeed.TemplateJson));
        Assert.Equal(framework, template.RootElement.GetProperty("symbols").GetProperty("frameworkVersion").GetProperty("defaultValue").GetString());
    }

    [Fact]
    public async Task The_scaffolded_bootstrap_script_is_valid_bash()
    {
        var script = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(PackedFeed.TemplateJson))!, "build.sh");
        var result = await Tool.Named("bash").TryRunAsync(["-n", script], TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, result.StandardError);
    }
}
