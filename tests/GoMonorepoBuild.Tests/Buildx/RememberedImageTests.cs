using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Engine.Api;

namespace GoMonorepoBuild.Tests.Buildx;

/// <summary>Which builds make an image known to the next run (<see cref="RememberedImage.OfBuild"/>): only what the engine vouched for.</summary>
public sealed class RememberedImageTests
{
    const string Digest = "sha256:aaa";
    const string Reference = "registry.example/team/app:inputs-1";

    static ImageFacts Image(string id, params string[] names) =>
        new(id, names, new Dictionary<string, string> { ["org.opencontainers.image.revision"] = "rev-1" }, 1024);

    static BuildOutcome Outcome(bool succeeded, ImageFacts? loaded, string? digest = Digest) =>
        new("app", succeeded, [], TimeSpan.FromSeconds(1), new BuildMetadata(digest, null, null), loaded?.Size, null, "", succeeded ? null : "failed")
        {
            LoadedImage = loaded,
        };

    [Fact]
    public void A_loaded_image_the_engine_shows_under_the_reference_with_the_builds_digest_is_remembered_as_a_lookup_would_find_it()
    {
        var remembered = RememberedImage.OfBuild(Reference, Outcome(true, Image(Digest, "registry.example/team/app:abc1234", Reference)));

        Assert.Equal(new RememberedImage(Digest, "rev-1"), remembered);
    }

    [Fact]
    public void A_name_the_engine_shows_in_its_short_form_is_the_same_name()
    {
        Assert.NotNull(RememberedImage.OfBuild("docker.io/library/app:inputs-1", Outcome(true, Image(Digest, "app:inputs-1"))));
    }

    [Fact]
    public void A_build_that_failed_is_not_remembered()
    {
        Assert.Null(RememberedImage.OfBuild(Reference, Outcome(false, Image(Digest, Reference))));
    }

    [Fact]
    public void A_build_that_did_not_load_its_image_is_not_remembered()
    {
        Assert.Null(RememberedImage.OfBuild(Reference, Outcome(true, loaded: null)));
    }

    [Fact]
    public void An_engine_showing_another_image_than_the_build_made_is_not_trusted()
    {
        // The name moved between the build and the engine's answer (another run built it meanwhile).
        Assert.Null(RememberedImage.OfBuild(Reference, Outcome(true, Image("sha256:bbb", Reference))));
        Assert.Null(RememberedImage.OfBuild(Reference, Outcome(true, Image(Digest, Reference), digest: null)));
    }

    [Fact]
    public void An_image_the_reference_no_longer_names_is_not_remembered_for_it()
    {
        Assert.Null(RememberedImage.OfBuild(Reference, Outcome(true, Image(Digest, "registry.example/team/app:abc1234"))));
    }
}
