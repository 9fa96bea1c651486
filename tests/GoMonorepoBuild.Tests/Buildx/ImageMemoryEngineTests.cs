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

    /// <summary>
    /// A run that asks about <paramref name="tag"/>, finds nothing, builds it (a tiny image of its own, with --load) and
    /// tells its lookup, as BuildChanged does; <paramref name="meanwhile"/> runs after the build, before the run remembers.
    /// </summary>
    async Task<BuildOutcome> BuildingRunAsync(string tag, string revision, Func<Task>? meanwhile = null)
    {
        _tags.Add(tag);
        var lookup = new ImageLookup(_engine, _memory);
        Assert.Empty(await lookup.InEngineAsync([tag], Ct));
        var context = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(_memory)!, Guid.NewGuid().ToString("N"))).FullName;
        await File.WriteAllTextAsync(Path.Combine(context, "marker"), tag, Ct);
        await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"),
            $"FROM scratch\nCOPY marker /marker\nLABEL org.opencontainers.image.revision={revision}\n", Ct);
        var build = new BuildxBuild("memory", Path.Combine(context, "Dockerfile"), context)
            .WithTag(tag).WithLoad().WithNetwork(BuildxTestSettings.Network).WithLogFile(Path.Combine(context, "build.log"));
        var outcome = await new BuildxDriver(_engine).BuildAsync(build, Ct);
        Assert.True(outcome.Succeeded, outcome.Error + "\n" + outcome.LogTail);
        if (meanwhile is not null) await meanwhile();
        lookup.Loaded(tag, outcome);
        await lookup.RememberAsync(Ct);
        return outcome;
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
    public async Task An_image_a_run_built_is_not_asked_again_after_a_new_name_but_is_after_a_removal_logged_by_its_id()
    {
        var built = BuildxDockerCli.UniqueTag("memory-built");
        var other = BuildxDockerCli.UniqueTag("memory-other");
        await BuildingRunAsync(built, "3333333333333333");

        var next = await RunAsync(built);
        Assert.Equal(0, next.Asked);
        Assert.Equal("3333333333333333", next.Found[built].Revision);

        // A new name for the image only adds a name: nothing remembered is asked again.
        _tags.Add(other);
        Assert.Equal(0, (await Docker.RunAsync("tag", built, other)).ExitCode);
        Assert.Equal(0, (await RunAsync(built)).Asked);

        // Removing that other name is logged by the image's ID: the remembered ID must be the one the log uses.
        Assert.Equal(0, (await Docker.RunAsync("image", "rm", other)).ExitCode);
        Assert.Equal(1, (await RunAsync(built)).Asked);
    }

    [Fact]
    public async Task An_image_removed_after_its_build_but_before_the_run_remembered_it_is_asked_again_and_found_missing()
    {
        var built = BuildxDockerCli.UniqueTag("memory-built");
        await BuildingRunAsync(built, "4444444444444444", async () => Assert.Equal(0, (await Docker.RunAsync("image", "rm", built)).ExitCode));

        var next = await RunAsync(built);

        Assert.Empty(next.Found);
        Assert.Equal(1, next.Asked);
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
