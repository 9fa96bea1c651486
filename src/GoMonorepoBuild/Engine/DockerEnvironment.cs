namespace GoMonorepoBuild.Engine;

/// <summary>
/// Where docker/buildx calls of this run go: the engine EnsureEngine found or provisioned.
/// Every docker process gets these variables, so the engine in use never depends on the caller's shell.
/// </summary>
public sealed record DockerEnvironment(string? DockerHost, string? DockerConfig, IReadOnlyList<string> ExtraPath)
{
    public static DockerEnvironment Ambient { get; } = new(
        Environment.GetEnvironmentVariable("DOCKER_HOST"),
        Environment.GetEnvironmentVariable("DOCKER_CONFIG"),
        []);

    public IEnumerable<KeyValuePair<string, string?>> Variables()
    {
        if (DockerHost is not null) yield return new("DOCKER_HOST", DockerHost);
        if (DockerConfig is not null) yield return new("DOCKER_CONFIG", DockerConfig);
        if (ExtraPath.Count > 0)
            yield return new("PATH", string.Join(':', ExtraPath.Append(Environment.GetEnvironmentVariable("PATH") ?? "")));
    }
}
