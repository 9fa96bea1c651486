using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

public abstract partial class MonorepoBuildCore
{
    /// <summary>The debug images BuildDebugImage built, by service name.</summary>
    public IReadOnlyDictionary<string, BuildOutcome> DebugImages => debugImages;

    readonly Dictionary<string, BuildOutcome> debugImages = new(StringComparer.Ordinal);

    /// <summary>What <see cref="IBuildDebugImage.BuildDebugImage"/> does: builds the debug variant of each service --only names.</summary>
    protected internal async Task BuildDebugImagesAsync(CancellationToken ct)
    {
        foreach (var service in SelectedServices())
        {
            service.RequireBuildable();
            if (service.Dockerfile is { } own)
                throw new UsageException(
                    $"{service.Name} is built with its own {own}, which GoMonorepoBuild never changes: build its debug variant with that Dockerfile.");
            var imageName = ImageName.FromServiceName(service.Name);
            var tag = $"{ImageName.Repository(Registry, service.Name)}:debug";
            var logFile = Path.Combine(LogsDirectory, imageName + ".debug.log");
            var build = new BuildxBuild(imageName, Generated[service.Name].DockerfilePath, Generated[service.Name].ContextDir)
                .WithTarget("debug")
                .WithTag(tag)
                .WithLoad()
                .WithNetwork(Docker.BuildNetwork)
                .WithBuilder(Builder)
                .WithLogFile(logFile);
            Log.Information($"{service.Name}: building {tag}");
            var outcome = await new BuildxDriver(Docker).BuildAsync(build, ct);
            if (outcome.Failed)
                throw new Exception($"{service.Name}: the debug image failed ({outcome.Error}); log {Path.GetRelativePath(RootDirectory, logFile)}\n{outcome.LogTail}");
            debugImages[service.Name] = outcome;
            Log.Information($"{service.Name}: {tag} built; a shell in it: docker run --rm -it --entrypoint sh {tag}");
        }
    }
}
