using GoMonorepoBuild.Building;
using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>
/// The BuildChanged target: decides, generates, builds and reports in one pipeline (it generates the Dockerfiles of the
/// services it builds itself, so it does not need <see cref="IGenerateDockerfiles"/>, only its parameters).
/// </summary>
public interface IBuildChanged : IChangeAnalysis, IDockerfileGeneration, IImageRegistry, IBuildxBuilder, IPlatforms, IGoCacheFolder
{
    [Parameter("How many services build at once (default: the processor count)")]
    int? Parallelism { get; set; }

    [Parameter("Stop every build as soon as one service fails (default: keep building the others)")]
    bool FailFast { get; set; }

    [Parameter("How often a build failing for a transient engine or registry error is retried (default: 2)")]
    int Retries { get; set; }

    [Parameter("Push the images to --registry instead of loading them into the engine")]
    bool Push { get; set; }

    [Parameter("Extra image tags besides the commit, e.g. latest,{branch} (default: latest)")]
    string[] Tags { get; set; }

    [Parameter("Layer cache import/export per service: None, Local, Registry, Gha or Inline (default: None, the engine's own cache)")]
    CacheBackend Cache { get; set; }

    [Parameter("--cache local: the folder holding one cache folder per service (default: .nuke/temp/buildx-cache)")]
    string? CacheDir { get; set; }

    [Parameter("--cache registry: the cache repository prefix (default: --registry; caches are <prefix>/<service>:buildcache); --cache gha: the scope prefix")]
    string? CacheRef { get; set; }

    [Parameter("Also write the build report JSON to this path (it is always at .nuke/temp/reports/build-report.json)", Name = "Report")]
    string? ReportCopy { get; set; }

    [Parameter("Build every selected service even when an image for its inputs exists (the BuildKit cache still applies)")]
    bool Force { get; set; }

    Target BuildChanged => _ => BuildChangedTarget(_, Core);

    /// <summary>The framework's BuildChanged, shared by this component's default and <see cref="MonorepoBuild.BuildChanged"/>.</summary>
    internal static ITargetDefinition BuildChangedTarget(ITargetDefinition _, MonorepoBuildCore build) => _
        .Description("Build the images of the selected services side by side and report, per service, what the cache did")
        .DependsOn(build.From<IEnsureEngine>().EnsureEngine)
        .Executes(build.BuildChangedAsync);
}
