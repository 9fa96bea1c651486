namespace GoMonorepoBuild.Engine.Api;

/// <summary>
/// <see cref="IEngineApi"/> as bare requests on the engine's socket (<see cref="EngineHttp"/>), one connection per
/// question: the few questions a run asks (version, image inspection, tag, remove) did not need an API client whose
/// first request cost more CPU than all of a run's lookups together.
/// </summary>
internal sealed class BareEngineApi(Uri endpoint, string engine) : IEngineApi
{
    public Task<EngineVersion> VersionAsync(CancellationToken cancellationToken) => EnginePing.VersionAsync(endpoint, engine, cancellationToken);

    public async Task<ImageFacts?> InspectImageAsync(string reference, CancellationToken cancellationToken)
    {
        var question = $"image {reference}";
        var answer = await SendAsync("GET", $"/images/{Escaped(reference)}/json", question, cancellationToken);
        if (answer.Status == 404) return null;
        Require(answer, question);
        try
        {
            return ImageFactsJson.Parse(answer.Body);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new EngineApiException($"The engine ({engine}) answered {question} with something that is not JSON: {e.Message}", e);
        }
    }

    public async Task TagImageAsync(string source, string target, CancellationToken cancellationToken)
    {
        var (repository, tag) = DockerApiClient.SplitTag(target);
        var question = $"tagging {source} as {target}";
        Require(await SendAsync("POST", $"/images/{Escaped(source)}/tag?repo={Uri.EscapeDataString(repository)}&tag={Uri.EscapeDataString(tag)}",
            question, cancellationToken), question);
    }

    public async Task<bool> RemoveImageAsync(string reference, CancellationToken cancellationToken)
    {
        var question = $"removing image {reference}";
        var answer = await SendAsync("DELETE", $"/images/{Escaped(reference)}", question, cancellationToken);
        if (answer.Status == 404) return false;
        Require(answer, question);
        return true;
    }

    Task<EngineHttp.Response> SendAsync(string method, string path, string question, CancellationToken cancellationToken) =>
        EngineHttp.SendAsync(endpoint, method, path, engine, question, cancellationToken);

    void Require(EngineHttp.Response answer, string question)
    {
        if (!answer.Ok)
            throw new EngineApiException($"The engine ({engine}) answered {answer.Status} when asked for {question}: {answer.Body.Trim()}");
    }

    /// <summary>An image name in a path: its slashes stay (the engine's route takes the rest of the path as the name).</summary>
    static string Escaped(string reference) => string.Join('/', reference.Split('/').Select(Uri.EscapeDataString));
}
