using System.Text.Json;

namespace GoMonorepoBuild.Engine.Api;

/// <summary>
/// The probe every run makes before anything else, <c>GET /_ping</c>, and the engine's version, <c>GET /version</c>, each
/// as one bare request on the engine's socket (<see cref="EngineHttp"/>); a unix socket whose file does not exist is
/// answered at once, without waiting for any timeout.
/// </summary>
internal static class EnginePing
{
    /// <summary>The engine's version, <c>GET /version</c> (costlier than the ping: see <see cref="ApiVersionAsync"/>).</summary>
    /// <param name="endpoint">unix:///path/docker.sock or http://host:port (see <see cref="EngineEndpoint"/>).</param>
    /// <param name="engine">How messages name the engine, e.g. <c>DOCKER_HOST=unix:///...</c>.</param>
    /// <param name="cancellationToken">The caller's deadline: a socket that accepts but never answers waits for it.</param>
    /// <exception cref="EngineApiException">No socket, no answer, or an answer that is not a version.</exception>
    public static async Task<EngineVersion> VersionAsync(Uri endpoint, string engine, CancellationToken cancellationToken) =>
        Version(await EngineHttp.SendAsync(endpoint, "GET", "/version", engine, "its version", cancellationToken), engine);

    /// <summary>
    /// The engine's API version from its cheapest answer, <c>GET /_ping</c> (its <c>Api-Version</c> header; empty when it
    /// sends none): whether an engine answers at all, which the probe of every run asks. dockerd answers <c>/version</c> by
    /// running runc and docker-init for their versions, 5-10 ms on every run's critical path, where a ping takes 0.1 ms.
    /// </summary>
    /// <exception cref="EngineApiException">No socket, no connection, an answer that is not HTTP, or an error status.</exception>
    public static async Task<string> ApiVersionAsync(Uri endpoint, string engine, CancellationToken cancellationToken)
    {
        var response = await EngineHttp.SendAsync(endpoint, "GET", "/_ping", engine, "a ping", cancellationToken);
        if (!response.Ok)
            throw new EngineApiException($"The engine ({engine}) answered {response.Status} when pinged: {response.Body.Trim()}");
        return response.Header("Api-Version") ?? "";
    }

    /// <summary>The version out of the engine's answer to <c>GET /version</c>.</summary>
    internal static EngineVersion Version(EngineHttp.Response response, string engine)
    {
        if (!response.Ok)
            throw new EngineApiException($"The engine ({engine}) answered {response.Status} when asked for its version: {response.Body.Trim()}");
        try
        {
            using var json = JsonDocument.Parse(response.Body);
            var root = json.RootElement;
            return new EngineVersion(ImageFactsJson.Text(root, "Version"), ImageFactsJson.Text(root, "ApiVersion"),
                ImageFactsJson.Text(root, "Os"), ImageFactsJson.Text(root, "Arch"));
        }
        catch (JsonException e)
        {
            throw new EngineApiException($"The engine ({engine}) answered its version with something that is not JSON: {e.Message}", e);
        }
    }
}
