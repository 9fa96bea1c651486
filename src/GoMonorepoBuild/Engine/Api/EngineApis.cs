using System.Collections.Concurrent;

namespace GoMonorepoBuild.Engine.Api;

/// <summary>
/// One <see cref="IEngineApi"/> per engine for the life of the process: the API client keeps its connections (and
/// its warmed-up HTTP and JSON machinery) across every question of a run.
/// </summary>
public static class EngineApis
{
    static readonly ConcurrentDictionary<(string? Host, string? Config), Lazy<IEngineApi>> Clients = new();

    public static IEngineApi For(DockerEnvironment engine) =>
        Clients.GetOrAdd((engine.DockerHost, engine.DockerConfig), _ => new Lazy<IEngineApi>(() =>
            EngineEndpoint.Of(engine) is { } endpoint ? new DockerApiClient(endpoint, engine.Describe()) : new DockerCliApi(engine))).Value;
}
