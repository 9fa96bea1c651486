using GoMonorepoBuild.Engine.Api;
using NSubstitute;
using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Buildx;

/// <summary>The driver's logic around the docker process, against a fake docker replaying captured output.</summary>
public class BuildxDriverTests
{
    static readonly DockerEnvironment Engine = new("unix:///tmp/gmb-fake.sock", "/tmp/gmb-fake-config", []);

    static string Sample(string name) => DockerfilesGolden.PathOf($"Samples/{name}");

    static BuildxBuild Request(BuildxFakeDocker docker) =>
        new BuildxBuild("hello", "Dockerfile", "context")
            .WithTag("hello:test")
            .WithLoad()
            .WithLogFile(docker.Scratch("logs/hello.log"));

    [Fact]
    public async Task A_build_gives_its_steps_image_digest_and_size_and_a_readable_log()
    {
        using var docker = new BuildxFakeDocker(Sample("warm.rawjson"), 0, Sample("metadata.json"));

        var api = Substitute.For<IEngineApi>();
        api.InspectImageAsync(Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(new ImageFacts("sha256:1", [], new Dictionary<string, string>(), 4242));
        var outcome = await new BuildxDriver(Engine, docker.Executable, api).BuildAsync(Request(docker), TestContext.Current.CancellationToken);

        Assert.True(outcome.Succeeded, outcome.LogTail);
        Assert.True(outcome.FullyCached);
        Assert.Equal((8, 8, 0), (outcome.TotalSteps, outcome.CachedSteps, outcome.RunSteps));
        Assert.Equal("sha256:768dc746f3e599da0119ed2eab0be6b041c85dc7230f46bbfff7fbf78e4c3261", outcome.Metadata.ImageDigest);
        Assert.Equal(4242, outcome.ImageSize);
        var log = await File.ReadAllLinesAsync(docker.Scratch("logs/hello.log"), TestContext.Current.CancellationToken);
        Assert.StartsWith("$ ", log[0]);
        Assert.Contains("--progress=rawjson", log[0]);
        Assert.Contains("#1 [internal] load build definition from Dockerfile", log);
        Assert.DoesNotContain(log, l => l.Contains("\"vertexes\""));
    }

    [Fact]
    public async Task The_engine_variables_reach_docker()
    {
        using var docker = new BuildxFakeDocker(Sample("warm.rawjson"), 0, Sample("metadata.json"));

        await new BuildxDriver(Engine, docker.Executable).BuildAsync(Request(docker), TestContext.Current.CancellationToken);

        Assert.Equal("unix:///tmp/gmb-fake.sock /tmp/gmb-fake-config",
            (await File.ReadAllTextAsync(docker.SeenEnvironmentFile, TestContext.Current.CancellationToken)).Trim());
    }

    [Fact]
    public async Task A_failing_build_is_an_outcome_with_the_error_and_the_log_tail_not_an_exception()
    {
        using var docker = new BuildxFakeDocker(Sample("compile-error.rawjson"), 1);
        var metadata = docker.Scratch("metadata.json");
        await File.WriteAllTextAsync(metadata, """{"containerimage.digest":"sha256:stale"}""", TestContext.Current.CancellationToken);

        var outcome = await new BuildxDriver(Engine, docker.Executable)
            .BuildAsync(Request(docker).WithMetadataFile(metadata), TestContext.Current.CancellationToken);

        Assert.True(outcome.Failed);
        Assert.StartsWith("ERROR: failed to solve: process \"/bin/sh -c cd services/hello", outcome.Error);
        Assert.Contains("./main.go:3:15: undefined: undefinedThing", outcome.LogTail);
        Assert.Null(outcome.Metadata.ImageDigest);
        Assert.Null(outcome.ImageSize);
        Assert.False(File.Exists(metadata), "a stale metadata file must not survive a failed build");
    }

    [Fact]
    public async Task A_missing_buildx_plugin_is_a_failed_outcome_saying_what_is_missing()
    {
        using var scratch = new DockerfilesScratchFolder();
        var stderr = scratch.Write("stderr.txt", "docker: unknown command: docker buildx\n\nRun 'docker --help' for more information\n");
        using var missing = new BuildxFakeDocker(stderr, 1);

        var outcome = await new BuildxDriver(Engine, missing.Executable).BuildAsync(Request(missing), TestContext.Current.CancellationToken);

        Assert.True(outcome.Failed);
        Assert.Contains("unknown command: docker buildx", outcome.Error);
        Assert.Contains("buildx plugin is missing", outcome.Error);
        Assert.Empty(outcome.Steps);
    }
}
