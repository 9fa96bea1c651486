using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Buildx;

/// <summary>
/// The process a build runs in: the buildx plugin itself, started the way the docker CLI starts it (the plugin's path,
/// then the same arguments from <c>buildx</c> on, and <c>DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND</c>), where the CLI would
/// find it; else the docker CLI. <c>docker buildx build</c> puts two process starts before every build that add nothing
/// to it: the CLI's own (~0.1 s of CPU) and the plugin's once more for its metadata (issue 19, BENCHMARKS.md).
/// </summary>
internal static class BuildxProcess
{
    /// <summary>What the docker CLI sets for a plugin it starts (the plugin runs in plugin mode, as under the CLI).</summary>
    internal const string OriginalCliVariable = "DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND";

    /// <summary>
    /// The tool to run a build's arguments (<see cref="BuildxBuild.Arguments"/>, from <c>buildx</c> on) with.
    /// <paramref name="dockerExecutable"/>, when given, is always used as the CLI (a caller's own docker).
    /// </summary>
    public static Tool For(DockerEnvironment environment, string? dockerExecutable)
    {
        var docker = Tool.Named(dockerExecutable ?? environment.DockerCli).WithEnvironment(environment.Variables());
        if (dockerExecutable is not null || NamesMorePluginFolders(environment) || BuildxPlugin.Find(environment) is not { } plugin)
            return docker;
        return Tool.Named(plugin).WithEnvironment(environment.Variables()).WithEnvironment(OriginalCliVariable, environment.DockerCli);
    }

    /// <summary>
    /// config.json's <c>cliPluginsExtraDirs</c> are folders the CLI searches besides the ones <see cref="BuildxPlugin"/>
    /// knows, some before them: there only the CLI can say which buildx it would run.
    /// </summary>
    static bool NamesMorePluginFolders(DockerEnvironment environment)
    {
        var config = Path.Combine(BuildxPlugin.ConfigFolder(environment), "config.json");
        try
        {
            return File.Exists(config) && File.ReadAllText(config).Contains("cliPluginsExtraDirs", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }
}
