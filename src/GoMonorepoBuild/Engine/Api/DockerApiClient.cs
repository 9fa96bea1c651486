using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Docker.DotNet.Models;
using Docker.DotNet.NativeHttp;

namespace GoMonorepoBuild.Engine.Api;

/// <summary>
/// <see cref="IEngineApi"/> over the engine's HTTP API (Docker.DotNet, SocketsHttpHandler on the unix socket): one
/// request per question on kept-alive connections, where the CLI started a process per question.
/// </summary>
public sealed class DockerApiClient : IEngineApi, IDisposable
{
    readonly DockerClient client;
    readonly string engine;

    /// <param name="endpoint">unix:///path/docker.sock or http://host:port.</param>
    /// <param name="engine">How messages name the engine, e.g. <c>DOCKER_HOST=unix:///...</c>.</param>
    public DockerApiClient(Uri endpoint, string engine)
    {
        this.engine = engine;
        client = new DockerClientBuilder().WithEndpoint(endpoint).WithTransportOptions(new NativeHttpTransportOptions()).Build();
    }

    public Task<EngineVersion> VersionAsync(CancellationToken cancellationToken) =>
        AskAsync("its version", async () =>
        {
            var version = await client.System.GetVersionAsync(cancellationToken);
            return new EngineVersion(version.Version ?? "", version.APIVersion ?? "", version.Os ?? "", version.Arch ?? "");
        });

    public Task<ImageFacts?> InspectImageAsync(string reference, CancellationToken cancellationToken) =>
        AskAsync($"image {reference}", async () =>
        {
            try
            {
                return Facts(await client.Images.InspectImageAsync(reference, cancellationToken));
            }
            catch (DockerImageNotFoundException)
            {
                return null;
            }
        });

    public Task TagImageAsync(string source, string target, CancellationToken cancellationToken) =>
        AskAsync($"tagging {source} as {target}", async () =>
        {
            var (repository, tag) = SplitTag(target);
            await client.Images.TagImageAsync(source, new ImageTagParameters { RepositoryName = repository, Tag = tag }, cancellationToken);
            return true;
        });

    public Task<bool> RemoveImageAsync(string reference, CancellationToken cancellationToken) =>
        AskAsync($"removing image {reference}", async () =>
        {
            try
            {
                await client.Images.DeleteImageAsync(reference, new ImageDeleteParameters(), cancellationToken);
                return true;
            }
            catch (DockerImageNotFoundException)
            {
                return false;
            }
        });

    public void Dispose() => client.Dispose();

    static ImageFacts Facts(ImageInspectResponse image) =>
        new(image.ID ?? "", image.RepoTags?.ToList() ?? [], image.Config?.Labels is { } labels
            ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : new Dictionary<string, string>(), image.Size)
        {
            Layers = image.RootFS?.Layers?.ToList() ?? [],
            Env = image.Config?.Env?.ToList(),
            WorkingDir = image.Config?.WorkingDir ?? "",
            Entrypoint = image.Config?.Entrypoint?.ToList(),
            Cmd = image.Config?.Cmd?.ToList(),
        };

    /// <summary>"registry:5000/team/app:v1" is repository "registry:5000/team/app", tag "v1"; no tag means latest.</summary>
    internal static (string Repository, string Tag) SplitTag(string reference)
    {
        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/') ? (reference[..colon], reference[(colon + 1)..]) : (reference, "latest");
    }

    async Task<T> AskAsync<T>(string question, Func<Task<T>> ask)
    {
        try
        {
            return await ask();
        }
        catch (DockerApiException e)
        {
            throw new EngineApiException(
                $"The engine ({engine}) answered {(int)e.StatusCode} {e.StatusCode} when asked for {question}: {e.ResponseBody?.Trim()}", e);
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or IOException)
        {
            throw new EngineApiException(
                $"The engine ({engine}) cannot be reached to ask for {question}: {e.Message}. Is it running? " +
                "`./build.sh EnsureEngine` finds or starts one.", e);
        }
    }
}
