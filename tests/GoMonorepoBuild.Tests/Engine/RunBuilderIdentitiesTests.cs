using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Engine.Api;

namespace GoMonorepoBuild.Tests.Engine;

/// <summary>A run asks the engine about its builder image once: resolving it inspected it already.</summary>
public class RunBuilderIdentitiesTests
{
    // No engine answers here: a question to it fails, so an answer proves none was asked.
    static readonly DockerEnvironment NoEngine = new("unix:///tmp/gmb-no-engine-" + Guid.NewGuid().ToString("N") + ".sock", null, []);
    static readonly ImageFacts Builder = new("sha256:1", ["gomonorepobuild/go:1.23"], new Dictionary<string, string>(), 1)
    {
        Layers = ["sha256:a", "sha256:b"], WorkingDir = "/src",
    };

    [Fact]
    public async Task The_identity_of_a_builder_resolved_with_its_inspection_comes_from_that_inspection_without_asking_the_engine()
    {
        var identities = new RunBuilderIdentities();
        var image = identities.Record(new InspectedBuilder(new BuilderImageRef("gomonorepobuild/go:1.23", true, "seeded"), Builder));

        var identity = await identities.OfAsync(NoEngine, image.Reference, TestContext.Current.CancellationToken);

        Assert.Equal(BuilderIdentity.Of(Builder), identity);
    }

    [Fact]
    public async Task A_builder_resolved_without_an_inspection_is_asked_of_the_engine()
    {
        var identities = new RunBuilderIdentities();
        identities.Record(new InspectedBuilder(new BuilderImageRef("golang:1.23", false, "pulled"), null));

        await Assert.ThrowsAnyAsync<Exception>(() => identities.OfAsync(NoEngine, "golang:1.23", TestContext.Current.CancellationToken));
    }
}
