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
    // The values of the parameters IImageRegistry, IBuildxBuilder, IPlatforms and IBuildChanged declare.
    public string Registry { get; set; } = "gomonorepobuild";
    public string? Builder { get; set; }
    public int? Parallelism { get; set; }
    public bool FailFast { get; set; }
    public int Retries { get; set; } = RetryPolicy.DefaultRetries;
    public string[] Platform { get; set; } = [];
    public bool Push { get; set; }
    public string[] Tags { get; set; } = ["latest"];
    public CacheBackend Cache { get; set; } = CacheBackend.None;
    public string? CacheDir { get; set; }
    public string? CacheRef { get; set; }
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
        if (await BuilderLimits.RefusalAsync(Docker, Builder, Platform, BuildCache.ExportedBackend, ct) is { } refusal)
            throw new Exception(refusal);
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
            Prefetch = () => decisionPrefetch is null ? PrefetchForDecisions() : null,
            BeforeBuilds = SeedGoCacheAsync,
            Built = Built,
            AfterBuilds = async ct =>
            {
                await RememberLoadedImagesAsync(ct);
                await ExportGoCacheAsync(ct);
            },
            Reported = report => Report = report,
        };
        return new ChangedBuildPipeline(inputs, stages);
    }

    /// <summary>What a service builds from: its own Dockerfile with the context the analysis and input hash assumed, else the generated one.</summary>
    ServiceContext ContextOf(GoService service) => OwnDockerfileOf(service) is { } own
        ? new ServiceContext(Path.Combine(MonorepoDirectory, own.Dockerfile), Path.GetFullPath(Path.Combine(MonorepoDirectory, own.Context.Folder)))
        : new ServiceContext(Generated[service.Name].DockerfilePath, Generated[service.Name].ContextDir);
}
