using GoMonorepoBuild.Buildx;

namespace GoMonorepoBuild.Tests.Dockerfiles;

/// <summary>The buildx options images need beyond a plain build: a stage, outputs, no cache.</summary>
public class BuildxOutputOptionsTests
{
    [Fact]
    public void A_debug_build_of_a_reproducible_OCI_image_passes_target_output_and_no_cache_to_buildx()
    {
        var args = new BuildxBuild("hello", "/g/hello/Dockerfile", "/g/hello/context")
            .WithTarget("debug")
            .WithOutput("type=oci,dest=/tmp/hello.tar,rewrite-timestamp=true")
            .WithNoCache()
            .Arguments("/tmp/meta.json");

        Assert.Equal("debug", args[args.ToList().IndexOf("--target") + 1]);
        Assert.Equal("type=oci,dest=/tmp/hello.tar,rewrite-timestamp=true", args[args.ToList().IndexOf("--output") + 1]);
        Assert.Contains("--no-cache", args);
        Assert.Equal("/g/hello/context", args[^1]);
    }

    [Fact]
    public void By_default_no_stage_output_or_cache_option_is_passed()
    {
        var args = new BuildxBuild("hello", "/d", "/c").Arguments("/m");
        Assert.DoesNotContain("--target", args);
        Assert.DoesNotContain("--output", args);
        Assert.DoesNotContain("--no-cache", args);
    }
}
