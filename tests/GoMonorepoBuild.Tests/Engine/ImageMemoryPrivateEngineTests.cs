using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Engine;

/// <summary>
/// Remembered image lookups (<see cref="ImageMemory"/>) where the engine's log cannot vouch for them: an engine restarted
/// between runs (its log starts empty) and another engine (a user's own dockerd) reading the same memory. Each on a
/// private engine of its own, which it can restart without disturbing the machine's.
/// </summary>
public sealed class ImageMemoryPrivateEngineTests(PrivateEngineFixture fixture) : IClassFixture<PrivateEngineFixture>, IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("gmb-memory-").FullName;
    CancellationToken Ct => TestContext.Current.CancellationToken;
    string Memory => Path.Combine(_folder, "lookups.json");

    /// <summary>A tiny image imported into <paramref name="engine"/> under <paramref name="tag"/> (no pull, no network).</summary>
    async Task ImportAsync(DockerEnvironment engine, string tag)
    {
        var marker = Path.Combine(_folder, "marker");
        await File.WriteAllTextAsync(marker, tag, Ct);
        await Tool.Named("tar").RunAsync(["-C", _folder, "-cf", Path.Combine(_folder, "tiny.tar"), "marker"], Ct);
        await engine.Docker().RunAsync(["import", Path.Combine(_folder, "tiny.tar"), tag], Ct);
    }

    Task<(IReadOnlyDictionary<string, ExistingImage> Found, int Asked)> RunAsync(DockerEnvironment engine, params string[] references) =>
        GoMonorepoBuild.Tests.Buildx.ImageMemoryEngineTests.OneRunAsync(engine, Memory, references, Ct);

    [Fact]
    public async Task An_image_removed_before_the_engine_restarted_is_asked_again_though_the_log_lost_the_removal()
    {
        var engine = await fixture.EngineAsync();
        var tag = BuildxDockerCli.UniqueTag("restart");
        await ImportAsync(engine, tag);
        Assert.Equal([tag], (await RunAsync(engine, tag)).Found.Keys);

        await engine.Docker().RunAsync(["image", "rm", tag], Ct);
        Assert.True(await DockerEngine.StopAsync(fixture.Options, Ct));
        engine = await DockerEngine.EnsureAsync(fixture.Options, Ct);
        var after = await RunAsync(engine, tag);

        Assert.Empty(after.Found);
        Assert.Equal(1, after.Asked);
    }

    [Fact]
    public async Task Another_engine_does_not_trust_what_one_engine_answered()
    {
        var machines = RealEngine.Require();
        var tag = BuildxDockerCli.UniqueTag("foreign");
        await ImportAsync(machines, tag);
        try
        {
            Assert.Equal([tag], (await RunAsync(machines, tag)).Found.Keys);

            var after = await RunAsync(await fixture.EngineAsync(), tag);

            Assert.Empty(after.Found);
            Assert.Equal(1, after.Asked);
        }
        finally
        {
            await machines.Docker().TryRunAsync(["image", "rm", "--force", tag], CancellationToken.None);
        }
    }

    [Fact]
    public async Task On_the_private_engine_an_untouched_image_is_not_asked_again_and_one_removed_just_before_the_run_is()
    {
        // The private engine's log is read up to this machine's clock, without asking the engine for its own (EngineEventLog).
        var engine = await fixture.EngineAsync();
        Assert.True(engine.Provisioned);
        var (kept, removed) = (BuildxDockerCli.UniqueTag("kept"), BuildxDockerCli.UniqueTag("removed"));
        await ImportAsync(engine, kept);
        await ImportAsync(engine, removed);
        Assert.Equal(2, (await RunAsync(engine, kept, removed)).Found.Count);
        var untouched = await RunAsync(engine, kept, removed);
        Assert.Equal(2, untouched.Found.Count);
        Assert.Equal(0, untouched.Asked);

        await engine.Docker().RunAsync(["image", "rm", removed], Ct);
        var after = await RunAsync(engine, kept, removed); // at once: the removal is within the same second

        Assert.Equal([kept], after.Found.Keys);
        Assert.Equal(1, after.Asked);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
