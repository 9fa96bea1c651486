using System.Diagnostics;
using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Engine.Api;
using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Buildx;

/// <summary>
/// Runs <c>docker buildx build</c> (the buildx plugin started directly where the CLI would run it, see
/// <see cref="BuildxProcess"/>) against the engine of a <see cref="DockerEnvironment"/> and turns its rawjson
/// progress, metadata file and (after <c>--load</c>) the engine's inspection of the image into a <see cref="BuildOutcome"/>.
/// A failing build is an outcome with <see cref="BuildOutcome.Failed"/>; cancellation kills buildx and throws.
/// </summary>
/// <param name="environment">The engine's variables (DOCKER_HOST, DOCKER_CONFIG, PATH).</param>
/// <param name="dockerExecutable">The docker CLI to build with; resolved on this process's PATH when not a path. Default: the
/// buildx plugin the environment's CLI would run, started directly, else that CLI.</param>
/// <param name="api">Where the loaded image's size is asked (default: the environment's engine API).</param>
public sealed class BuildxDriver(DockerEnvironment environment, string? dockerExecutable = null, IEngineApi? api = null)
{
    readonly Tool _docker = BuildxProcess.For(environment, dockerExecutable);
    readonly IEngineApi _api = api ?? environment.Api();

    public Task<BuildOutcome> BuildAsync(BuildxBuild build, CancellationToken cancellationToken = default) =>
        BuildAsync(build, stepStarted: null, cancellationToken);

    /// <summary>Builds, telling <paramref name="stepStarted"/> the name of each instruction step as it starts (for live progress).</summary>
    public async Task<BuildOutcome> BuildAsync(BuildxBuild build, Action<string>? stepStarted, CancellationToken cancellationToken)
    {
        var metadataFile = build.MetadataFile ?? Path.Combine(Path.GetTempPath(), $"gmb-buildx-{Guid.NewGuid():N}.json");
        if (Path.GetDirectoryName(Path.GetFullPath(metadataFile)) is { } metadataDir) Directory.CreateDirectory(metadataDir);
        // A metadata file left by an earlier build would describe the wrong image if this one fails.
        File.Delete(metadataFile);
        try
        {
            return await RunAsync(build, metadataFile, stepStarted, cancellationToken);
        }
        finally
        {
            if (build.MetadataFile is null) File.Delete(metadataFile);
        }
    }

    async Task<BuildOutcome> RunAsync(BuildxBuild build, string metadataFile, Action<string>? stepStarted, CancellationToken cancellationToken)
    {
        var arguments = build.Arguments(metadataFile);
        var progress = new RawJsonProgress();
        using var log = new BuildLog(build.LogFile);
        log.Write("$ " + _docker.Describe(arguments));
        var clock = Stopwatch.StartNew();
        // Without provenance, nothing uses the git details buildx gathers before each build (seven git calls, ~0.1 s
        // on the critical path of every service); the image's revision label comes from this build instead.
        var docker = build.Provenance ? _docker : _docker.WithEnvironment("BUILDX_GIT_INFO", "0");
        var result = await docker.RunStreamingAsync(
            arguments,
            onStdout: log.Write,
            onStderr: line =>
            {
                string? started;
                lock (progress)
                {
                    var before = progress.LastStartedStep;
                    log.Write(progress.Feed(line));
                    started = progress.LastStartedStep == before ? null : progress.LastStartedStep;
                }
                if (started is not null) stepStarted?.Invoke(started);
            },
            validate: false,
            cancellationToken);
        lock (progress) log.Write(progress.Flush());
        clock.Stop();

        var steps = progress.Steps;
        if (result.ExitCode != 0)
        {
            var error = log.LastError()
                        ?? steps.FirstOrDefault(s => s.Failed)?.Error
                        ?? WhyNothingWasBuilt(result, steps.Count > 0 ? log.LastLine() : FirstLine(result.StandardError));
            return new BuildOutcome(build.ServiceName, false, steps, clock.Elapsed, BuildMetadata.None, null,
                build.LogFile, log.Tail(), error) { GoError = log.GoError() };
        }

        var metadata = BuildMetadata.ReadFile(metadataFile);
        var image = build.Load && build.Tags.Count > 0
            ? await LoadedImageAsync(build.Tags[0], cancellationToken)
            : null;
        return new BuildOutcome(build.ServiceName, true, steps, clock.Elapsed, metadata, image?.Size, build.LogFile, log.Tail(), null)
        {
            LoadedImage = image,
        };
    }

    static string WhyNothingWasBuilt(ProcessResult result, string line)
    {
        var why = $"docker buildx build exited with code {result.ExitCode}: {line}";
        return line.Contains("unknown command: docker buildx") || line.Contains("'buildx' is not a docker command")
            ? why + " (the buildx plugin is missing: it belongs in $DOCKER_CONFIG/cli-plugins/docker-buildx; EnsureEngine installs it)"
            : why;
    }

    static string FirstLine(string text) =>
        text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "(no output)";

    /// <summary>A loaded image as the engine shows it (its size, ID, names), or null when it cannot say.</summary>
    async Task<ImageFacts?> LoadedImageAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            return await _api.InspectImageAsync(tag, cancellationToken);
        }
        catch (Exception e) when (e is EngineApiException or ProcessFailedException)
        {
            // The image was built and loaded; a size the report cannot show is no reason to fail the service.
            return null;
        }
    }
}
