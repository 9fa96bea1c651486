using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Tests.Support;
using GoMonorepoBuild.Tests.Targets;

namespace GoMonorepoBuild.Tests.Api;

/// <summary>
/// The default build's <c>--help</c> is a contract: its targets, the parameters' names, order, descriptions, environment
/// variables and defaults. DefaultBuildHelp.txt holds it as main printed it before the parameters moved onto the
/// components that read them; it changes only with a new target or parameter (GMB_UPDATE_API=1 rewrites it).
/// </summary>
public class DefaultBuildHelpTests : IDisposable
{
    sealed class Default : MonorepoBuild;

    static string Pinned => Path.Combine(RealBuild.RepositoryRoot, "tests", "GoMonorepoBuild.Tests", "Api", "DefaultBuildHelp.txt");

    readonly TempFolder root = new();

    public DefaultBuildHelpTests() => Directory.CreateDirectory(Path.Combine(root.Path, ".nuke"));

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task The_default_builds_help_is_the_one_it_always_printed()
    {
        var run = await InProcessBuild.RunAsync(new Default(), root.Path, ["--help"], defaults: ["BuildChanged"]);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        // The first line names the framework's version, which every release changes.
        var help = string.Join('\n', run.Output.ReplaceLineEndings("\n").Split('\n').Skip(1)).TrimEnd('\n') + "\n";
        if (Environment.GetEnvironmentVariable("GMB_UPDATE_API") == "1")
        {
            File.WriteAllText(Pinned, help);
            return;
        }
        var pinned = File.ReadAllText(Pinned).ReplaceLineEndings("\n");
        Assert.True(pinned == help, "The default build's --help changed; if intended, run this test with GMB_UPDATE_API=1 and commit " +
                                    $"DefaultBuildHelp.txt.\nNow:\n{help}");
    }

    [Fact]
    public async Task Each_parameter_binds_from_parameters_json_and_the_environment_to_the_property_a_build_sets_in_code()
    {
        // The spellings whose name differs from the property are the ones a move could lose.
        File.WriteAllText(Path.Combine(root.Path, ".nuke", "parameters.json"),
            """{ "Registry": "file.example/team", "GoCache": "carried", "Report": "copy.json", "GithubWorkflowFile": "wf.yml", "Only": ["a", "b"] }""");
        var build = new Default();
        var environment = new Dictionary<string, string> { ["AFFECTED_JSON"] = "affected.json", ["DEEPEN_LIMIT"] = "7" };
        var run = await InProcessBuild.RunAsync(build, root.Path, ["Graph", "--plan", "--monorepo", "go"], environment);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal("file.example/team", build.Registry);
        Assert.Equal("carried", build.GoCacheDir);
        Assert.Equal("copy.json", build.ReportCopy);
        Assert.Equal("wf.yml", build.GitHubWorkflowFile);
        Assert.Equal(["a", "b"], build.Only);
        Assert.Equal("affected.json", build.AffectedJsonFile);
        Assert.Equal(7, build.DeepenLimit);
        Assert.Equal("go", build.Monorepo);
    }

    /// <summary>A build that sets a parameter in code, as builds did when the parameters were MonorepoBuildCore's.</summary>
    sealed class SetInCode : MonorepoBuild
    {
        public SetInCode() => Registry = "code.example/team";
    }

    [Fact]
    public async Task A_value_set_in_code_is_the_default_a_source_overrides()
    {
        var help = await InProcessBuild.RunAsync(new SetInCode(), root.Path, ["--help"]);
        Assert.Contains("env REGISTRY; default code.example/team", help.Output);

        var unset = new SetInCode();
        Assert.Equal(0, (await InProcessBuild.RunAsync(unset, root.Path, ["Graph", "--plan"])).ExitCode);
        Assert.Equal("code.example/team", unset.Registry);

        var set = new SetInCode();
        Assert.Equal(0, (await InProcessBuild.RunAsync(set, root.Path, ["Graph", "--plan", "--registry", "cli.example"])).ExitCode);
        Assert.Equal("cli.example", set.Registry);
    }
}
