using GoMonorepoBuild.Engine.Api;
using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Buildx;

/// <summary>Which images for these inputs already exist: asked of a real engine, present and missing names mixed.</summary>
public sealed class ImageLookupEngineTests : IAsyncDisposable
{
    readonly DockerEnvironment _engine = RealEngine.Require();
    readonly List<string> _tags = [];

    BuildxDockerCli Docker => new(_engine);

    /// <summary>An image of its own, labelled with a revision (removed afterwards).</summary>
    async Task<string> ImageWithRevisionAsync(string revision)
    {
        var tag = BuildxDockerCli.UniqueTag("lookup");
        _tags.Add(tag);
        await Docker.CommitWithRevisionAsync(tag, revision);
        return tag;
    }

    [Fact]
    public async Task Only_the_images_that_exist_are_found_with_the_revision_they_were_built_at()
    {
        var first = await ImageWithRevisionAsync("1111111111111111");
        var second = await ImageWithRevisionAsync("2222222222222222");
        var missing = BuildxDockerCli.UniqueTag("lookup-missing");

        var found = await new ImageLookup(_engine).InEngineAsync([first, missing, second], TestContext.Current.CancellationToken);

        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("1111111111111111", found[first].Revision);
        Assert.Equal("2222222222222222", found[second].Revision);
    }

    [Fact]
    public async Task When_none_exists_nothing_is_found()
    {
        var found = await new ImageLookup(_engine).InEngineAsync(
            [BuildxDockerCli.UniqueTag("lookup-missing"), BuildxDockerCli.UniqueTag("lookup-missing")], TestContext.Current.CancellationToken);

        Assert.Empty(found);
    }

    [Fact]
    public async Task An_engine_that_does_not_answer_is_an_error_not_a_reason_to_rebuild_everything()
    {
        var gone = _engine with { DockerHost = $"unix:///tmp/gmb-no-engine-{Guid.NewGuid():N}.sock" };

        var error = await Assert.ThrowsAsync<EngineApiException>(() =>
            new ImageLookup(gone).InEngineAsync([BuildxDockerCli.UniqueTag("lookup")], TestContext.Current.CancellationToken));

        Assert.Contains("image", error.Message);
        Assert.Contains("gmb-no-engine", error.Message);
    }

    public async ValueTask DisposeAsync() => await Docker.RemoveImagesAsync([.. _tags]);
}
