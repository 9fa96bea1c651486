using System.Collections.Concurrent;

namespace GoMonorepoBuild.Engine.Api;

/// <summary>
/// One <see cref="IEngineApi"/> per engine for the life of the process: bare requests on its socket where it has one
/// (<see cref="BareEngineApi"/>), the docker CLI where only the CLI knows how to reach it.
/// </summary>
public static class EngineApis
{
    // Keyed by a record, not a (host, config) tuple: the framework's concurrent dictionary over a tuple key is JIT-compiled
    // in every run (BENCHMARKS.md, "JIT-compiled methods by call site").
    static readonly ConcurrentDictionary<EngineKey, Lazy<IEngineApi>> Clients = new();

    public static IEngineApi For(DockerEnvironment engine) =>
        Clients.GetOrAdd(new EngineKey(engine.DockerHost, engine.DockerConfig), _ => new Lazy<IEngineApi>(() =>
            EngineEndpoint.Of(engine) is { } endpoint ? new BareEngineApi(endpoint, engine.Describe()) : new DockerCliApi(engine))).Value;

    sealed record EngineKey(string? Host, string? Config);
}
