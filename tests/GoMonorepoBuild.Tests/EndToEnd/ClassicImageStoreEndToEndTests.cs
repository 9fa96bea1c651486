using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.EndToEnd;

/// <summary>
/// BuildChanged against an engine with the classic image store (Docker 26's default), whose own builder can neither
/// make a multi-platform image nor export BuildKit's cache: the run says so and what to do before anything builds,
/// instead of compiling every platform of every service and failing each at the load.
/// </summary>
public sealed class ClassicImageStoreEndToEndTests
{
    [Theory]
    [InlineData("--platform", "linux/amd64,linux/arm64", "builds one image index of 2 platforms")]
    [InlineData("--cache", "local", "--cache local exports BuildKit's cache")]
    public async Task What_the_engines_own_builder_cannot_do_there_is_refused_before_any_build(string option, string value, string why)
    {
        await using var engine = await ClassicStoreEngine.StartAsync();
        using var example = new ExampleRepositoryCopy();
        example.Commit("base");
        using var build = new RealBuild();

        var run = await build.RunAsync([new("DOCKER_HOST", engine.Environment.DockerHost), new("DOCKER_CONFIG", engine.Environment.DockerConfig)],
            "BuildChanged", "--monorepo", example.Root, "--registry", "gmb-classic", option, value, "--only", "gateway");

        var output = run.StandardOutput + run.StandardError;
        Assert.True(run.ExitCode != 0, output);
        Assert.Contains(why, output);
        Assert.Contains("classic image store", output);
        Assert.Contains("containerd-snapshotter", output);
        Assert.Contains(engine.Environment.DockerHost!, output);
        Assert.False(Directory.Exists(Path.Combine(build.Root, ".nuke", "temp", "logs")) &&
                     Directory.EnumerateFiles(Path.Combine(build.Root, ".nuke", "temp", "logs")).Any(), "a build was started:\n" + output);
    }
}
