using System.Diagnostics;
using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Workspace.Services;
using Spectre.Console;

namespace GoMonorepoBuild;

public abstract partial class MonorepoBuild
{
    [Parameter("Image name prefix: images are <registry>/<service>:<tag> (default: gomonorepobuild)")]
    public string Registry { get; set; } = "gomonorepobuild";

    [Parameter("A buildx builder to build with (default: the engine's own)")]
    public string? Builder { get; set; }

    /// <summary>The build report BuildChanged wrote, when it has run.</summary>
    public BuildReport? Report { get; private set; }

    public string ReportFile => Path.Combine(RootDirectory, BuildReportJson.DefaultRelativePath);
    public string LogsDirectory => Path.Combine(TemporaryDirectory, "logs");

    public Target BuildChanged => _ => _
        .Description("Build the images of the selected services and report, per service, what the cache did")
        .DependsOn(EnsureEngine, GenerateDockerfiles)
        .Executes(async ct =>
        {
            var started = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var head = GitHead.Find(MonorepoDirectory);
            var rows = new List<ServiceReport>();
            var pending = new Queue<BuildDecision>(await DecisionsAsync(ct));
            BuildDecision? current = null;
            try
            {
                while (pending.Count > 0)
                {
                    current = pending.Dequeue();
                    rows.Add(await BuildServiceAsync(current, head, ct));
                    current = null;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                if (current is not null) rows.Add(Row(current.Service, ServiceStatus.Cancelled, "cancelled while building"));
                rows.AddRange(pending.Select(d => Row(d.Service, ServiceStatus.Cancelled, "cancelled before it started")));
                throw;
            }
            finally
            {
                Report = new BuildReport(rows) { StartedAt = started, DurationMs = clock.ElapsedMilliseconds };
                BuildReportJson.Write(Report, ReportFile);
                Log.Write(BuildReportTable.Render(Report));
                Log.Information($"Report: {Path.GetRelativePath(RootDirectory, ReportFile)}");
            }

            var failed = rows.Where(r => r.Status == ServiceStatus.Failed).ToList();
            if (failed.Count > 0)
                throw new Exception(
                    $"{failed.Count} of {rows.Count} services failed: " +
                    string.Join("; ", failed.Select(f => $"{f.Name} ({f.Reason}{(f.LogFile is null ? "" : $", log {f.LogFile}")})")));
        });

    async Task<ServiceReport> BuildServiceAsync(BuildDecision decision, GitHead? head, CancellationToken ct)
    {
        var service = decision.Service;
        if (!decision.Build)
            return Row(service, Only.Length > 0 && !service.IsBuildable ? ServiceStatus.Failed : ServiceStatus.Skipped, decision.Reason);

        var imageName = ImageName.FromServiceName(service.Name);
        var repository = $"{Registry.TrimEnd('/')}/{imageName}";
        var tags = new List<string> { $"{repository}:{head?.ShortSha ?? "dev"}", $"{repository}:latest" };
        if (decision.InputHash is { } hash) tags.Add($"{repository}:{hash.Tag}");
        var logFile = Path.Combine(LogsDirectory, imageName + ".log");
        var (dockerfile, context) = service.Dockerfile is { } own
            ? (Path.Combine(MonorepoDirectory, own), MonorepoDirectory)
            : (Generated[service.Name].DockerfilePath, Generated[service.Name].ContextDir);

        var build = new BuildxBuild(imageName, dockerfile, context)
            .WithTags(tags)
            .WithLoad()
            .WithNetwork(Docker.BuildNetwork)
            .WithBuilder(Builder)
            .WithLogFile(logFile)
            .WithLabels(decision.InputHash is { } inputs ? [new(Inputs.ServiceInputHash.Label, inputs.Value)] : [])
            .WithMetadataFile(Path.Combine(TemporaryDirectory, "buildx", imageName + ".metadata.json"));
        if (head is not null)
            build = build
                .WithBuildArg("SOURCE_DATE_EPOCH", head.CommitTime.ToUnixTimeSeconds().ToString())
                .WithBuildArg("REVISION", head.Sha)
                .WithBuildArg("CREATED", head.CommitTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"));

        Log.Information($"{service.Name}: building {tags[0]}");
        var outcome = await new BuildxDriver(Docker).BuildAsync(build, ct);
        var row = Row(service, outcome.Succeeded ? ServiceStatus.Built : ServiceStatus.Failed,
                outcome.Succeeded ? decision.Reason : outcome.Error ?? "the build failed") with
            {
                Steps = new StepCounts(outcome.TotalSteps, outcome.CachedSteps),
                DurationMs = (long)outcome.Duration.TotalMilliseconds,
                ImageSizeBytes = outcome.ImageSize,
                Image = tags[0],
                Tags = tags,
                Digest = outcome.Metadata.ImageDigest,
                LogFile = Path.GetRelativePath(RootDirectory, logFile),
                ErrorTail = outcome.Succeeded ? null : outcome.LogTail,
            };
        Log.Information(outcome.Succeeded
            ? $"{service.Name}: built in {BuildReportTable.Duration(row.DurationMs)}, {row.Steps.Cached}/{row.Steps.Total} steps cached"
            : $"{service.Name}: FAILED ({row.Reason}); log {row.LogFile}\n{outcome.LogTail}");
        return row;
    }

    static ServiceReport Row(GoService service, ServiceStatus status, string reason) =>
        new ServiceReport(service.Name, service.Path, status).WithReason(reason);
}
