using System.Text.Json;
using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Engine.Api;

/// <summary>
/// <see cref="IEngineApi"/> through the docker CLI, for engines only it can reach (ssh://, TLS, docker contexts; see
/// <see cref="EngineEndpoint"/>): one process per question, the CLI's JSON parsed into the same facts.
/// </summary>
public sealed class DockerCliApi(DockerEnvironment environment) : IEngineApi
{
    readonly Tool docker = environment.Docker();

    public async Task<EngineVersion> VersionAsync(CancellationToken cancellationToken)
    {
        string[] args = ["version", "--format", "{{json .Server}}"];
        var result = await docker.TryRunAsync(args, cancellationToken);
        var server = result.ExitCode == 0 ? Parse(result.StandardOutput) : default;
        if (server.ValueKind != JsonValueKind.Object)
            throw new EngineApiException($"The engine ({environment.Describe()}) does not answer `{docker.Describe(args)}`: " +
                                         (result.StandardError + result.StandardOutput).Trim());
        return new EngineVersion(Text(server, "Version"), Text(server, "ApiVersion"), Text(server, "Os"), Text(server, "Arch"));
    }

    public async Task<ImageFacts?> InspectImageAsync(string reference, CancellationToken cancellationToken)
    {
        string[] args = ["image", "inspect", "--format", "{{json .}}", reference];
        var result = await docker.TryRunAsync(args, cancellationToken);
        if (result.ExitCode != 0)
            return result.StandardError.Contains("No such image", StringComparison.OrdinalIgnoreCase)
                ? null
                : throw new ProcessFailedException(docker.Describe(args), result.ExitCode, result.StandardError.Trim());
        return ImageFactsJson.Parse(result.StandardOutput);
    }

    public Task TagImageAsync(string source, string target, CancellationToken cancellationToken) =>
        docker.RunAsync(["tag", source, target], cancellationToken);

    public async Task<bool> RemoveImageAsync(string reference, CancellationToken cancellationToken)
    {
        string[] args = ["image", "rm", reference];
        var result = await docker.TryRunAsync(args, cancellationToken);
        if (result.ExitCode == 0) return true;
        return result.StandardError.Contains("No such image", StringComparison.OrdinalIgnoreCase)
            ? false
            : throw new ProcessFailedException(docker.Describe(args), result.ExitCode, result.StandardError.Trim());
    }

    static JsonElement Parse(string json) => JsonDocument.Parse(json.Trim()).RootElement;

    static string Text(JsonElement element, string name) => ImageFactsJson.Text(element, name);
}
