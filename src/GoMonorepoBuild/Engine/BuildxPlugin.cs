using GoMonorepoBuild.Targets;
namespace GoMonorepoBuild.Engine;

/// <summary>
/// The buildx plugin where the docker CLI looks first (<c>$DOCKER_CONFIG/cli-plugins</c>, else <c>~/.docker/cli-plugins</c>,
/// then the system's plugin folders), found without starting the CLI: the engine probe of every run asked
/// <c>docker buildx version</c> for this, two process starts (CLI and plugin) on the critical path. Not found here is not
/// "missing": config.json may name more folders, so the caller asks the CLI then.
/// </summary>
internal static class BuildxPlugin
{
    static readonly string[] SystemFolders =
    [
        "/usr/local/lib/docker/cli-plugins", "/usr/local/libexec/docker/cli-plugins",
        "/usr/lib/docker/cli-plugins", "/usr/libexec/docker/cli-plugins",
    ];

    public static string? Find(DockerEnvironment engine) =>
        new[] { Path.Combine(ConfigFolder(engine), "cli-plugins") }.Concat(SystemFolders)
            .Select(folder => Path.Combine(folder, "docker-buildx"))
            .FirstOrDefault(IsExecutable);

    /// <summary>The docker CLI's configuration folder for <paramref name="engine"/> (config.json, cli-plugins).</summary>
    public static string ConfigFolder(DockerEnvironment engine) =>
        engine.DockerConfig ?? ProcessEnvironment.Variable("DOCKER_CONFIG")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");

    static bool IsExecutable(string file) =>
        File.Exists(file) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(file) & UnixFileMode.UserExecute) != 0);
}
