using System.Collections.Concurrent;

namespace GoMonorepoBuild.Engine.Api;

/// <summary>
/// One <see cref="IEngineApi"/> per engine for the life of the process: bare requests on its socket where it has one
/// (<see cref="BareEngineApi"/>), the docker CLI where only the CLI knows how to reach it.
/// </summary>
public static class EngineApis
{
    static readonly ConcurrentDictionary<(string? Host, string? Config), Lazy<IEngineApi>> Clients = new();

    public static IEngineApi For(DockerEnvironment engine) =>
        Clients.GetOrAdd((engine.DockerHost, engine.DockerConfig), _ => new Lazy<IEngineApi>(() =>
            EngineEndpoint.Of(engine) is { } endpoint ? new BareEngineApi(endpoint, engine.Describe()) : new DockerCliApi(engine))).Value;
}
