using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Buildx;

/// <summary>
/// The last run's image lookups remembered (<see cref="ImageMemory"/>) against a real engine: trusted while the engine's
/// log says nothing touched the image, asked again after a <c>docker rmi</c> or a retag between runs.
/// </summary>
public sealed class ImageMemoryEngineTests : IAsyncDisposable
{
    readonly DockerEnvironment _engine = RealEngine.Require();
    readonly List<string> _tags = [];
    readonly string _memory = Path.Combine(Directory.CreateTempSubdirectory("gmb-memory-").FullName, "lookups.json");

    BuildxDockerCli Docker => new(_engine);
    CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An image of its own, labelled with a revision (removed afterwards).</summary>
    async Task<string> ImageWithRevisionAsync(string revision, string? tag = null)
    {
        tag ??= BuildxDockerCli.UniqueTag("memory");
        _tags.Add(tag);
        await Docker.CommitWithRevisionAsync(tag, revision);
        return tag;
    }

    Task<(IReadOnlyDictionary<string, ExistingImage> Found, int Asked)> RunAsync(params string[] references) =>
        OneRunAsync(_engine, _memory, references, Ct);

    /// <summary>One run's lookups: asks (or remembers) each name, then remembers for the next run, as BuildChanged does.</summary>
    internal static async Task<(IReadOnlyDictionary<string, ExistingImage> Found, int Asked)> OneRunAsync(
        DockerEnvironment engine, string memory, string[] references, CancellationToken cancellationToken)
    {
        var lookup = new ImageLookup(engine, memory);
        var found = await lookup.InEngineAsync(references, cancellationToken);
        await lookup.RememberAsync(cancellationToken);
        return (found, lookup.Asked);
    }

    [Fact]
    public async Task An_engine_nothing_touched_since_the_last_run_is_not_asked_again_and_gives_the_same_answers()
    {
        var first = await ImageWithRevisionAsync("1111111111111111");
        var second = await ImageWithRevisionAsync("2222222222222222");
        var missing = BuildxDockerCli.UniqueTag("memory-missing");

        var before = await RunAsync(first, second, missing);
        var after = await RunAsync(first, second, missing);

        Assert.Equal(3, before.Asked);
        // Only the missing one is asked again: a missing image is never remembered (it is built).
        Assert.Equal(1, after.Asked);
        Assert.Equal(before.Found.Keys.Order(), after.Found.Keys.Order());
        Assert.Equal("2222222222222222", after.Found[second].Revision);
    }

    [Fact]
    public async Task An_image_removed_between_runs_is_asked_again_and_found_missing()
    {
        var kept = await ImageWithRevisionAsync("1111111111111111");
        var removed = await ImageWithRevisionAsync("2222222222222222");
        Assert.Equal(2, (await RunAsync(kept, removed)).Found.Count);

        Assert.Equal(0, (await Docker.RunAsync("image", "rm", removed)).ExitCode);
        var after = await RunAsync(kept, removed);

        Assert.Equal([kept], after.Found.Keys);
        Assert.Equal(1, after.Asked);
    }

    [Fact]
    public async Task A_name_moved_to_another_image_between_runs_is_asked_again()
    {
        var name = await ImageWithRevisionAsync("1111111111111111");
        var other = await ImageWithRevisionAsync("2222222222222222");
        Assert.Equal("1111111111111111", (await RunAsync(name)).Found[name].Revision);

        Assert.Equal(0, (await Docker.RunAsync("tag", other, name)).ExitCode);
        var after = await RunAsync(name);

        Assert.Equal("2222222222222222", after.Found[name].Revision);
        Assert.Equal(1, after.Asked);
    }

    [Fact]
    public async Task A_forgotten_memory_asks_everything_again()
    {
        var image = await ImageWithRevisionAsync("1111111111111111");
        await RunAsync(image);

        ImageMemory.Forget(_memory);

        Assert.Equal(1, (await RunAsync(image)).Asked);
    }

    public async ValueTask DisposeAsync()
    {
        await Docker.RemoveImagesAsync([.. _tags]);
        Directory.Delete(Path.GetDirectoryName(_memory)!, recursive: true);
    }
}
