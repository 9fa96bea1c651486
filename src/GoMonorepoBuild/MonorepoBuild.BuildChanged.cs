using GoMonorepoBuild.Building;
using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Workspace.Services;
using GoMonorepoBuild.Pipeline.ChangedBuild;

namespace GoMonorepoBuild;

public abstract partial class MonorepoBuildCore
{
    [Parameter("Image name prefix: images are <registry>/<service>:<commit> (default: gomonorepobuild)")]
    public string Registry { get; set; } = "gomonorepobuild";

    [Parameter("A buildx builder to build with, e.g. a remote BuildKit or Kubernetes builder (default: the engine's own)")]
    public string? Builder { get; set; }

    [Parameter("How many services build at once (default: the processor count)")]
    public int? Parallelism { get; set; }

    [Parameter("Stop every build as soon as one service fails (default: keep building the others)")]
    public bool FailFast { get; set; }

    [Parameter("How often a build failing for a transient engine or registry error is retried (default: 2)")]
    public int Retries { get; set; } = RetryPolicy.DefaultRetries;

    [Parameter("Target platforms, e.g. linux/amd64,linux/arm64 (default: the engine's own)")]
    public string[] Platform { get; set; } = [];

    [Parameter("Push the images to --registry instead of loading them into the engine")]
    public bool Push { get; set; }

    [Parameter("Extra image tags besides the commit, e.g. latest,{branch} (default: latest)")]
    public string[] Tags { get; set; } = ["latest"];

    [Parameter("Layer cache import/export per service: None, Local, Registry, Gha or Inline (default: None, the engine's own cache)")]
    public CacheBackend Cache { get; set; } = CacheBackend.None;

    [Parameter("--cache local: the folder holding one cache folder per service (default: .nuke/temp/buildx-cache)")]
    public string? CacheDir { get; set; }

    [Parameter("--cache registry: the cache repository prefix (default: --registry; caches are <prefix>/<service>:buildcache); --cache gha: the scope prefix")]
    public string? CacheRef { get; set; }

    [Parameter("Also write the build report JSON to this path (it is always at .nuke/temp/reports/build-report.json)", Name = "Report")]
    public string? ReportCopy { get; set; }

    /// <summary>The build report BuildChanged wrote, when it has run.</summary>
    public BuildReport? Report { get; private set; }

    public string ReportFile => Path.Combine(RootDirectory, BuildReportJson.DefaultRelativePath);
    public string LogsDirectory => Path.Combine(TemporaryDirectory, "logs");

    /// <summary>The cache arguments of every service's build, from --cache, --cache-dir and --cache-ref.</summary>
    public BuildCache BuildCache => new BuildCache(Cache)
        .WithFolder(Path.GetFullPath(CacheDir ?? Path.Combine(TemporaryDirectory, "buildx-cache"), RootDirectory))
        .WithReference(CacheRef ?? (Cache == CacheBackend.Registry ? Registry : null));

    /// <summary>What <see cref="IBuildChanged.BuildChanged"/> does: runs the pipeline (decide, generate, build, report).</summary>
    protected internal async Task BuildChangedAsync(CancellationToken ct)
    {
        var outcome = await ChangedBuildPipeline().RunAsync(ct);
        if (outcome.Failure is { } failure) throw new Exception(failure);
    }

    /// <summary>BuildChanged's pipeline, wired to this build's stages and parameters.</summary>
    ChangedBuildPipeline ChangedBuildPipeline()
    {
        var head = GitHead.Find(Git);
        var settings = new BuildSettings(Registry, LogsDirectory, Path.Combine(TemporaryDirectory, "buildx"))
        {
            Tags = Tags,
            Branch = Tags.Any(t => t.Contains(ImageTags.BranchPlaceholder)) ? GitBranch.Current(Git, Run.Variable) : null,
            Push = Push,
            Platforms = Platform,
            Builder = Builder,
            Network = Docker.BuildNetwork,
            Cache = BuildCache,
            Scheduler = new BoundedScheduler(Parallelism ?? BoundedScheduler.DefaultParallelism, FailFast),
            Retries = RetryPolicy.Default.WithRetries(Retries),
        };
        var inputs = new ChangedBuildInputs(RootDirectory, new BuildxDriver(Docker), settings)
        {
            Head = head, ReportCopy = ReportCopy, PreviousRead = previousReportRead, MarkdownReportFile = MarkdownReportFile, Ci = CiEnvironment,
        };
        var stages = new ChangedBuildStages(
            DecisionsAsync,
            async ct => ChangedBuildScope.Of(SelectedBlockedServices(), Selected(await NotCheckedOutServicesAsync(ct)),
                name => Workspace.Service(name) is not null || Workspace.Blocked(name) is not null, NamedByOnly, AffectedResult, Only.Length > 0),
            GenerateAsync,
            ContextOf,
            (service, dockerfile) => InputDigests.From(FileDigests, ImageInputsOf(service), dockerfile))
        {
            Prefetch = PrefetchForDecisions,
            BeforeBuilds = SeedGoCacheAsync,
            AfterBuilds = ExportGoCacheAsync,
            Reported = report => Report = report,
        };
        return new ChangedBuildPipeline(inputs, stages);
    }

    /// <summary>What a service builds from: its own Dockerfile with the context the analysis and input hash assumed, else the generated one.</summary>
    ServiceContext ContextOf(GoService service) => OwnDockerfileOf(service) is { } own
        ? new ServiceContext(Path.Combine(MonorepoDirectory, own.Dockerfile), Path.GetFullPath(Path.Combine(MonorepoDirectory, own.Context.Folder)))
        : new ServiceContext(Generated[service.Name].DockerfilePath, Generated[service.Name].ContextDir);
}
