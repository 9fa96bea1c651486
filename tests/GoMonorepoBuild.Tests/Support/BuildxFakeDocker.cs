namespace GoMonorepoBuild.Tests.Support;

/// <summary>
/// A real executable standing in for the docker CLI, for driver logic without an engine: <c>docker buildx ...</c>
/// replays a captured stderr stream, copies a metadata sample to the <c>--metadata-file</c> path and exits with
/// the given code; <c>docker image inspect</c> prints a size. It records DOCKER_HOST and DOCKER_CONFIG it saw, and its
/// first argument with DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND. Named <c>cli-plugins/docker-buildx</c>, it stands in for
/// the buildx plugin in a DOCKER_CONFIG folder (<see cref="Folder"/>), which takes the same arguments from <c>buildx</c> on.
/// </summary>
public sealed class BuildxFakeDocker : IDisposable
{
    readonly DockerfilesScratchFolder _folder = new();

    public BuildxFakeDocker(string stderrFile, int exitCode, string? metadataFile = null, long imageSize = 4242, string name = "docker")
    {
        Executable = _folder.Write(name, $$"""
            #!/bin/sh
            echo "$DOCKER_HOST $DOCKER_CONFIG" > '{{SeenEnvironmentFile}}'
            echo "$1 $DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND" > '{{SeenStartFile}}'
            meta=""
            prev=""
            for a in "$@"; do
              if [ "$prev" = "--metadata-file" ]; then meta="$a"; fi
              prev="$a"
            done
            case "$1" in
              buildx)
                cat '{{stderrFile}}' >&2
                if [ -n "$meta" ] && [ -n '{{metadataFile}}' ]; then cp '{{metadataFile}}' "$meta"; fi
                exit {{exitCode}} ;;
              image) echo {{imageSize}}; exit 0 ;;
            esac
            exit 99

            """);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Executable { get; }

    public string SeenEnvironmentFile => _folder["seen-environment"];

    /// <summary>Written when it runs: its first argument and DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND.</summary>
    public string SeenStartFile => _folder["seen-start"];

    /// <summary>The scratch folder it lives in (a DOCKER_CONFIG folder when named <c>cli-plugins/docker-buildx</c>).</summary>
    public string Folder => _folder.Path;

    public string Scratch(string relative) => _folder[relative];

    public void Dispose() => _folder.Dispose();
}
