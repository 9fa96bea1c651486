using GoMonorepoBuild.Buildx;

namespace GoMonorepoBuild.Tests.Buildx;

/// <summary>
/// When the engine's own builder is asked for what it cannot do with the classic image store (several platforms, a
/// cache export), read from what <c>docker buildx inspect</c> and <c>docker info</c> answer (Docker 26.1, both stores).
/// </summary>
public sealed class BuilderLimitsTests
{
    const string Engine = "DOCKER_HOST=unix:///run/docker.sock";
    static readonly string[] TwoPlatforms = ["linux/amd64", "linux/arm64"];

    [Fact]
    public void The_driver_is_read_from_buildx_inspect()
    {
        const string inspect = "Name:          default\nDriver:        docker\nLast Activity: 2026-12-07 11:12:12 +0000 UTC\n\nNodes:\nName:             default\n";

        Assert.Equal("docker", BuilderLimits.DriverOf(inspect));
        Assert.Equal("docker-container", BuilderLimits.DriverOf("Name: gmb\nDriver: docker-container\n"));
        Assert.Null(BuilderLimits.DriverOf("ERROR: no builder \"x\" found\n"));
    }

    [Fact]
    public void The_image_store_is_read_from_the_driver_status()
    {
        Assert.True(BuilderLimits.UsesContainerdStore("""[["driver-type","io.containerd.snapshotter.v1"]]"""));
        Assert.False(BuilderLimits.UsesContainerdStore("""[["Backing Filesystem","extfs"],["Supports d_type","true"],["Using metacopy","false"],["Native Overlay Diff","true"],["userxattr","false"]]"""));
        Assert.False(BuilderLimits.UsesContainerdStore("null"));
        Assert.Null(BuilderLimits.UsesContainerdStore("template: :1: unexpected"));
    }

    [Fact]
    public void Several_platforms_or_a_cache_export_are_refused_only_for_the_docker_driver_on_the_classic_store()
    {
        var classic = new BuilderLimits("docker", ContainerdImageStore: false);

        Assert.Contains("classic image store", classic.Refusal(TwoPlatforms, null, Engine));
        Assert.Contains("--cache registry exports", classic.Refusal(["linux/amd64"], "registry", Engine));
        Assert.Null(classic.Refusal(["linux/arm64"], null, Engine));
        Assert.Null(new BuilderLimits("docker", ContainerdImageStore: true).Refusal(TwoPlatforms, "local", Engine));
        Assert.Null(new BuilderLimits("docker-container", ContainerdImageStore: false).Refusal(TwoPlatforms, "gha", Engine));
    }

    [Fact]
    public void Only_several_platforms_or_a_cache_export_make_the_check_worth_its_two_processes()
    {
        Assert.False(BuilderLimits.Matter(["linux/arm64"], null));
        Assert.True(BuilderLimits.Matter(TwoPlatforms, null));
        Assert.True(BuilderLimits.Matter([], "local"));
    }
}
