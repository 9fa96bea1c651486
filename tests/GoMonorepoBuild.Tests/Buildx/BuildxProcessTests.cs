using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Engine.Api;
using GoMonorepoBuild.Tests.Support;
using NSubstitute;

namespace GoMonorepoBuild.Tests.Buildx;

/// <summary>
/// Which process a build starts: the buildx plugin the CLI would run, directly and in plugin mode; the CLI where only it
/// can say which plugin it runs, or where the caller named its own docker.
/// </summary>
public class BuildxProcessTests
{
    static string Sample(string name) => DockerfilesGolden.PathOf($"Samples/{name}");

    static BuildxBuild Request(string scratch) =>
        new BuildxBuild("hello", "Dockerfile", "context").WithTag("hello:test").WithLoad()
            .WithLogFile(Path.Combine(scratch, "logs", "hello.log"));

    static IEngineApi Api()
    {
        var api = Substitute.For<IEngineApi>();
        api.InspectImageAsync(Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(new ImageFacts("sha256:1", [], new Dictionary<string, string>(), 4242));
        return api;
    }

    [Fact]
    public async Task The_plugin_in_the_config_folder_builds_without_the_cli_as_the_cli_would_start_it()
    {
        using var plugin = new BuildxFakeDocker(Sample("warm.rawjson"), 0, Sample("metadata.json"), name: "cli-plugins/docker-buildx");
        // A CLI that cannot start: the build succeeds only if the plugin was started directly.
        var engine = new DockerEnvironment("unix:///tmp/gmb-fake.sock", plugin.Folder, []) { DockerCli = "/nonexistent/docker" };

        var outcome = await new BuildxDriver(engine, api: Api()).BuildAsync(Request(plugin.Folder), TestContext.Current.CancellationToken);

        Assert.True(outcome.Succeeded, outcome.Error ?? outcome.LogTail);
        Assert.Equal(4242, outcome.ImageSize);
        Assert.Equal("buildx /nonexistent/docker",
            (await File.ReadAllTextAsync(plugin.SeenStartFile, TestContext.Current.CancellationToken)).Trim());
        Assert.Equal($"unix:///tmp/gmb-fake.sock {plugin.Folder}",
            (await File.ReadAllTextAsync(plugin.SeenEnvironmentFile, TestContext.Current.CancellationToken)).Trim());
        var log = await File.ReadAllLinesAsync(Path.Combine(plugin.Folder, "logs", "hello.log"), TestContext.Current.CancellationToken);
        Assert.StartsWith($"$ {plugin.Executable} buildx build --progress=rawjson", log[0]);
    }

    [Fact]
    public async Task Extra_plugin_folders_in_config_json_leave_the_choice_to_the_cli()
    {
        using var plugin = new BuildxFakeDocker(Sample("warm.rawjson"), 0, Sample("metadata.json"), name: "cli-plugins/docker-buildx");
        using var cli = new BuildxFakeDocker(Sample("warm.rawjson"), 0, Sample("metadata.json"));
        await File.WriteAllTextAsync(Path.Combine(plugin.Folder, "config.json"), """{"cliPluginsExtraDirs": ["/opt/plugins"]}""",
            TestContext.Current.CancellationToken);
        var engine = new DockerEnvironment("unix:///tmp/gmb-fake.sock", plugin.Folder, []) { DockerCli = cli.Executable };

        var outcome = await new BuildxDriver(engine, api: Api()).BuildAsync(Request(cli.Folder), TestContext.Current.CancellationToken);

        Assert.True(outcome.Succeeded, outcome.Error ?? outcome.LogTail);
        Assert.True(File.Exists(cli.SeenStartFile), "the CLI should have run the build");
        Assert.False(File.Exists(plugin.SeenStartFile), "the plugin must not be started directly");
    }

    [Fact]
    public async Task Without_a_plugin_where_the_cli_looks_the_cli_builds()
    {
        using var cli = new BuildxFakeDocker(Sample("warm.rawjson"), 0, Sample("metadata.json"));
        using var emptyConfig = new DockerfilesScratchFolder();
        var engine = new DockerEnvironment("unix:///tmp/gmb-fake.sock", emptyConfig.Path, []) { DockerCli = cli.Executable };
        // A machine-wide plugin (/usr/libexec/docker/cli-plugins on CI runners) is where the CLI looks too.
        Assert.SkipWhen(BuildxPlugin.Find(engine) is not null, "this machine has a buildx plugin in a system folder");

        var outcome = await new BuildxDriver(engine, api: Api()).BuildAsync(Request(cli.Folder), TestContext.Current.CancellationToken);

        Assert.True(outcome.Succeeded, outcome.Error ?? outcome.LogTail);
        // Started by us as the CLI (no plugin-mode variable): its first argument is the subcommand.
        Assert.Equal("buildx", (await File.ReadAllTextAsync(cli.SeenStartFile, TestContext.Current.CancellationToken)).Trim());
    }

    [Fact]
    public async Task A_docker_the_caller_names_builds_even_where_a_plugin_is()
    {
        using var plugin = new BuildxFakeDocker(Sample("warm.rawjson"), 0, Sample("metadata.json"), name: "cli-plugins/docker-buildx");
        using var cli = new BuildxFakeDocker(Sample("warm.rawjson"), 0, Sample("metadata.json"));
        var engine = new DockerEnvironment("unix:///tmp/gmb-fake.sock", plugin.Folder, []);

        var outcome = await new BuildxDriver(engine, cli.Executable, Api()).BuildAsync(Request(cli.Folder), TestContext.Current.CancellationToken);

        Assert.True(outcome.Succeeded, outcome.Error ?? outcome.LogTail);
        Assert.True(File.Exists(cli.SeenStartFile));
        Assert.False(File.Exists(plugin.SeenStartFile));
    }
}
