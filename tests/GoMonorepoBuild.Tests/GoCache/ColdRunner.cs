using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Tests.Engine;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.GoCache;

/// <summary>
/// A second CI runner: a private engine provisioned in a fresh home (its own data root, an empty BuildKit) and a
/// build root of its own. Stopped and deleted on dispose.
/// </summary>
sealed class ColdRunner : IAsyncDisposable
{
    readonly EngineOptions home;
    bool started;

    ColdRunner(EngineOptions home) => this.home = home;

    public RealBuild Build { get; } = new();

    public DockerEnvironment Engine { get; private set; } = null!;

    /// <summary>The variables that point a build at this runner's engine (GMB_HOME: it is a private engine, no bridge).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Environment =>
        Engine.Variables().Append(new("GMB_HOME", home.Home)).ToList();

    /// <summary>Skips (or fails in CI) where no engine can be provisioned.</summary>
    public static async Task<ColdRunner> StartAsync(CancellationToken cancellationToken)
    {
        Provisioning.Require();
        var runner = new ColdRunner(Provisioning.FreshHome());
        try
        {
            runner.Engine = await DockerEngine.EnsureAsync(runner.home, cancellationToken);
            runner.started = true;
            return runner;
        }
        catch
        {
            await runner.DisposeAsync();
            throw;
        }
    }

    /// <summary>Gives this runner an image of another engine, as runners pulling one published image have it.</summary>
    public async Task LoadImageAsync(DockerEnvironment from, string image, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Build.Root, "image.tar");
        await from.Docker().RunAsync(["save", "--output", file, image], cancellationToken);
        await Engine.Docker().RunAsync(["load", "--input", file], cancellationToken);
        File.Delete(file);
    }

    public async ValueTask DisposeAsync()
    {
        if (started) await DockerEngine.StopAsync(home, CancellationToken.None);
        Provisioning.DeleteHome(home.Home);
        Build.Dispose();
    }
}
