using GoMonorepoBuild.Dockerfiles;

namespace GoMonorepoBuild.Tests.Dockerfiles;

public class RuntimeImageTests
{
    [Theory]
    [InlineData("scratch", RuntimeImageKind.Scratch, "scratch")]
    [InlineData("Distroless", RuntimeImageKind.Distroless, RuntimeImage.DistrolessReference)]
    [InlineData("alpine", RuntimeImageKind.Alpine, RuntimeImage.AlpineReference)]
    [InlineData("gcr.io/distroless/static-debian12:latest", RuntimeImageKind.Distroless, "gcr.io/distroless/static-debian12:latest")]
    [InlineData("gcr.io/distroless/base-debian12", RuntimeImageKind.Other, "gcr.io/distroless/base-debian12")]
    [InlineData("registry.local:5000/alpine:3.19", RuntimeImageKind.Alpine, "registry.local:5000/alpine:3.19")]
    [InlineData("registry.local:5000/ubuntu@sha256:abc", RuntimeImageKind.Other, "registry.local:5000/ubuntu@sha256:abc")]
    public void A_runtime_is_chosen_by_name_or_image_reference(string value, RuntimeImageKind kind, string reference)
    {
        var image = RuntimeImage.Parse(value);
        Assert.Equal((kind, reference), (image.Kind, image.Reference));
    }

    [Fact]
    public void Only_bases_without_the_files_get_them_from_the_builder()
    {
        Assert.True(RuntimeImage.Scratch is { NeedsUserDatabase: true, HasCaCertificates: false, HasZoneInfo: false });
        Assert.True(RuntimeImage.Parse("distroless") is { NeedsUserDatabase: false, HasCaCertificates: true, HasZoneInfo: true });
        Assert.True(RuntimeImage.Parse("alpine") is { NeedsUserDatabase: true, HasCaCertificates: true, HasZoneInfo: false });
        Assert.True(RuntimeImage.Parse("debian:12") is { NeedsUserDatabase: false, HasCaCertificates: false, HasZoneInfo: false });
    }
}
