using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Buildx;

public class BuildxBuildTests
{
    [Fact]
    public void Every_option_becomes_its_buildx_flag_with_the_context_last()
    {
        var build = new BuildxBuild("hello", "/out/hello/Dockerfile", "/out/hello/context")
            .WithTags("hello:1", "hello:latest")
            .WithPlatforms("linux/amd64", "linux/arm64")
            .WithLoad()
            .WithNetwork("none")
            .WithBuilder("gmb")
            .WithBuildArg("VERSION", "1.2.3")
            .WithBuildArg("REVISION", "abc")
            .WithLogFile("/logs/hello.log");

        Assert.Equal(
            ["buildx", "build", "--progress=rawjson", "--builder", "gmb", "--file", "/out/hello/Dockerfile",
             "--tag", "hello:1", "--tag", "hello:latest", "--platform", "linux/amd64,linux/arm64", "--load",
             "--network", "none", "--build-arg", "REVISION=abc", "--build-arg", "VERSION=1.2.3",
             "--provenance=false", "--metadata-file", "/tmp/m.json", "/out/hello/context"],
            build.Arguments("/tmp/m.json"));
    }

    [Fact]
    public void A_minimal_build_passes_only_what_it_must()
    {
        var build = new BuildxBuild("hello", "Dockerfile", "ctx");

        Assert.Equal(
            ["buildx", "build", "--progress=rawjson", "--file", "Dockerfile", "--provenance=false", "--metadata-file", "m.json", "ctx"],
            build.Arguments("m.json"));
    }

    [Fact]
    public void A_pushed_multi_platform_build_with_gha_cache_on_a_remote_builder_gives_exactly_these_arguments()
    {
        var build = new BuildxBuild("api", "Dockerfile", "ctx")
            .WithBuilder("k8s-fleet")
            .WithTags("reg.example/api:0123456789ab", "reg.example/api:latest")
            .WithPlatforms("linux/amd64", "linux/arm64")
            .WithPush()
            .WithCacheFrom("type=gha,scope=gomonorepobuild-api")
            .WithCacheTo("type=gha,scope=gomonorepobuild-api,mode=max");

        Assert.Equal(
        [
            "buildx", "build", "--progress=rawjson", "--builder", "k8s-fleet", "--file", "Dockerfile",
            "--tag", "reg.example/api:0123456789ab", "--tag", "reg.example/api:latest",
            "--platform", "linux/amd64,linux/arm64", "--push",
            "--cache-from", "type=gha,scope=gomonorepobuild-api", "--cache-to", "type=gha,scope=gomonorepobuild-api,mode=max",
            "--provenance=false", "--metadata-file", "m.json", "ctx",
        ], build.Arguments("m.json"));
    }

    [Fact]
    public void With_methods_leave_the_original_request_unchanged()
    {
        var original = new BuildxBuild("hello", "Dockerfile", "ctx");
        var changed = original.WithTag("a").WithLoad().WithBuildArg("X", "1");

        Assert.Empty(original.Tags);
        Assert.False(original.Load);
        Assert.Empty(original.BuildArgs);
        Assert.Equal(["a"], changed.Tags);
    }

    [Fact]
    public void The_metadata_file_gives_the_image_digest_and_name()
    {
        var metadata = BuildMetadata.Parse(File.ReadAllText(DockerfilesGolden.PathOf("Samples/metadata.json")));

        Assert.Equal("sha256:768dc746f3e599da0119ed2eab0be6b041c85dc7230f46bbfff7fbf78e4c3261", metadata.ImageDigest);
        Assert.Equal("docker.io/library/gmb-e-sample:1", metadata.ImageName);
        Assert.StartsWith("default/default/", metadata.BuildRef);
    }
}
