using GoMonorepoBuild.Targets;
using System.Text.Json;

namespace GoMonorepoBuild.Engine.Api;

/// <summary>
/// Where the engine's API (bare requests on its socket, or <see cref="DockerApiClient"/>) can reach an engine: its unix socket, or a plain tcp address. Null where only
/// the docker CLI knows how (ssh://, TLS client certificates, a docker context other than the default): those keep
/// asking through the CLI, so an engine that builds never becomes one that cannot be asked.
/// </summary>
public static class EngineEndpoint
{
    public const string DefaultSocket = "unix:///var/run/docker.sock";

    public static Uri? Of(DockerEnvironment engine)
    {
        var host = engine.DockerHost;
        if (string.IsNullOrEmpty(host))
            return InDefaultContext(engine.DockerConfig) ? new Uri(DefaultSocket) : null;
        if (host.StartsWith("unix://", StringComparison.Ordinal))
            return new Uri(host);
        if (host.StartsWith("tcp://", StringComparison.Ordinal) && !UsesTls())
            return new Uri("http://" + host["tcp://".Length..]);
        return null;
    }

    static bool UsesTls() =>
        !string.IsNullOrEmpty(ProcessEnvironment.Variable("DOCKER_TLS_VERIFY")) ||
        !string.IsNullOrEmpty(ProcessEnvironment.Variable("DOCKER_TLS"));

    /// <summary>The CLI without DOCKER_HOST follows DOCKER_CONTEXT, else config.json's currentContext.</summary>
    static bool InDefaultContext(string? dockerConfig)
    {
        var context = ProcessEnvironment.Variable("DOCKER_CONTEXT");
        if (string.IsNullOrEmpty(context))
        {
            var folder = dockerConfig ?? ProcessEnvironment.Variable("DOCKER_CONFIG")
                         ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
            context = CurrentContext(Path.Combine(folder, "config.json"));
        }
        return string.IsNullOrEmpty(context) || context == "default";
    }

    static string? CurrentContext(string configFile)
    {
        try
        {
            if (!File.Exists(configFile)) return null;
            using var config = JsonDocument.Parse(File.ReadAllText(configFile));
            return config.RootElement.ValueKind == JsonValueKind.Object &&
                   config.RootElement.TryGetProperty("currentContext", out var current) && current.ValueKind == JsonValueKind.String
                ? current.GetString()
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // A config the CLI may read differently: let the CLI answer.
            return "unknown";
        }
    }
}
