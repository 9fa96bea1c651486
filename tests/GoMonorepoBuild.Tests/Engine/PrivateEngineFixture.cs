using GoMonorepoBuild.Engine;

namespace GoMonorepoBuild.Tests.Engine;

/// <summary>One freshly provisioned private engine in its own temp home, shared by a test class and stopped afterwards.</summary>
public sealed class PrivateEngineFixture : IAsyncDisposable
{
    readonly Lazy<Task<DockerEnvironment>> engine;

    public PrivateEngineFixture()
    {
        Options = Provisioning.FreshHome();
        engine = new(() => DockerEngine.EnsureAsync(Options, CancellationToken.None));
    }

    public EngineOptions Options { get; }

    public Task<DockerEnvironment> EngineAsync()
    {
        Provisioning.Require();
        return engine.Value;
    }

    public async ValueTask DisposeAsync()
    {
        if (engine.IsValueCreated)
            await DockerEngine.StopAsync(Options, CancellationToken.None);
        Provisioning.DeleteHome(Options.Home);
    }
}
