using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Engine;

/// <summary>
/// Where docker/buildx calls of this run go: the engine <see cref="DockerEngine"/> found or provisioned.
/// Every docker process gets these variables, so the engine in use never depends on the caller's shell.
/// </summary>
public sealed record DockerEnvironment(string? DockerHost, string? DockerConfig, IReadOnlyList<string> ExtraPath)
{
    public static DockerEnvironment Ambient { get; } = new(
        ProcessEnvironment.Variable("DOCKER_HOST"),
        ProcessEnvironment.Variable("DOCKER_CONFIG"),
        []);

    /// <summary>
    /// The network RUN steps of a build use: null leaves the engine's default; "none" for the private engine,
    /// whose bridge is off (a build step there has no network to use anyway, and none is allowed).
    /// </summary>
    public string? BuildNetwork { get; init; }

    /// <summary>True when this is GoMonorepoBuild's own private engine rather than one the user configured.</summary>
    public bool Provisioned { get; init; }

    /// <summary>The docker CLI to run: "docker" from PATH, or the private one when the machine has none.</summary>
    public string DockerCli { get; init; } = "docker";

    public DockerEnvironment WithBuildNetwork(string? network) => this with { BuildNetwork = network };

    public DockerEnvironment WithDockerCli(string cli) => this with { DockerCli = cli };

    /// <summary>The docker CLI aimed at this engine, e.g. <c>env.Docker().RunAsync(["buildx", "version"], ct)</c>.</summary>
    public Tool Docker() => Tool.Named(DockerCli).WithEnvironment(Variables());

    /// <summary>The engine's API (version, image inspection, tags): requests on its socket where it can, else the CLI.</summary>
    public Api.IEngineApi Api() => Engine.Api.EngineApis.For(this);

    public IEnumerable<KeyValuePair<string, string?>> Variables()
    {
        if (DockerHost is not null) yield return new("DOCKER_HOST", DockerHost);
        if (DockerConfig is not null) yield return new("DOCKER_CONFIG", DockerConfig);
        if (ExtraPath.Count > 0)
            yield return new("PATH", string.Join(':', ExtraPath.Append(ProcessEnvironment.Variable("PATH") ?? "")));
    }

    /// <summary>How a message names this engine: its DOCKER_HOST, or the CLI's default socket.</summary>
    public string Describe() => DockerHost is null ? "the default engine (/var/run/docker.sock)" : $"DOCKER_HOST={DockerHost}";
}
