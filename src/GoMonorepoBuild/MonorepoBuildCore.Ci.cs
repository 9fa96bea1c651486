using GoMonorepoBuild.Ci;
using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Targets;
using Spectre.Console;

namespace GoMonorepoBuild;

public abstract partial class MonorepoBuildCore
{
    // The values of the parameters ICi declares.
    // Names are chosen so no CI's own variable (CI, GITHUB_WORKFLOW, ...) binds to them through the environment.
    public CiProvider CiProvider { get; set; } = CiProvider.All;
    public string? GitHubWorkflowFile { get; set; }
    public string? GitLabPipelineFile { get; set; }
    public string CiMainBranch { get; set; } = "main";
    public bool CiCheck { get; set; }
    public string? AffectedJsonFile { get; set; }
    public string? ChildPipeline { get; set; }
    public string? ReportsDir { get; set; }
    public string[] ExpectServices { get; set; } = [];

    /// <summary>The CI this run is in (GitHub Actions, GitLab CI, another, or none), detected once; tests set their own.</summary>
    public CiEnvironment CiEnvironment
    {
        get => ci ??= CiEnvironment.Detect(Run.Environment, Run.Out);
        set => ci = value;
    }

    CiEnvironment? ci;

    /// <summary>What the generated CI configuration is made of; override to change runners, images or cache arguments.</summary>
    protected virtual CiSettings CiSettings
    {
        get
        {
            var monorepo = Path.GetRelativePath(RootDirectory, MonorepoDirectory).Replace('\\', '/');
            return new CiSettings()
                .WithMainBranch(CiMainBranch)
                .WithMonorepo(Monorepo is null || monorepo == "." ? null : monorepo)
                .WithServiceGlobs(Services.Length == 0 || Services.SequenceEqual(["services/*"]) ? [] : Services);
        }
    }

    public string MarkdownReportFile => Path.Combine(RootDirectory, GitLabChildPipeline.MarkdownReportPath);

    /// <summary>What <see cref="ICi.GenerateCi"/> does: writes (or, with --ci-check, checks) the CI configuration.</summary>
    protected internal void WriteCiConfiguration()
    {
        var settings = CiSettings;
        var files = new List<(string Path, string Text)>();
        if (CiProvider is CiProvider.All or CiProvider.GitHub)
            files.Add((GitHubWorkflowFile ?? CiPaths.GitHubWorkflow, GitHubWorkflow.Generate(settings)));
        if (CiProvider is CiProvider.All or CiProvider.GitLab)
            files.Add((GitLabPipelineFile ?? CiPaths.GitLabPipeline, GitLabPipeline.Generate(settings)));

        var stale = new List<string>();
        foreach (var (relative, text) in files)
        {
            var path = Path.GetFullPath(relative, RootDirectory);
            var current = File.Exists(path) ? File.ReadAllText(path) : null;
            if (current == text)
            {
                Log.Information($"{relative}: up to date");
                continue;
            }
            if (CiCheck)
            {
                stale.Add(relative);
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            Log.Information($"{relative}: {(current is null ? "written" : "updated")}");
        }
        if (stale.Count > 0)
            throw new Exception(
                $"{string.Join(", ", stale)} {(stale.Count == 1 ? "is" : "are")} not what GenerateCi writes from this build's settings: " +
                "run ./build.sh GenerateCi and commit the result.");
    }

    /// <summary>What <see cref="ICi.GenerateGitLabChildPipeline"/> does: writes the child pipeline from the affected matrix.</summary>
    protected internal void WriteGitLabChildPipeline()
    {
        var input = Path.GetFullPath(AffectedJsonFile ?? CiPaths.AffectedJson, RootDirectory);
        var output = Path.GetFullPath(ChildPipeline ?? CiPaths.GitLabChildPipeline, RootDirectory);
        var affected = AffectedMatrix.Read(input);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, Ci.GitLabChildPipeline.Generate(CiSettings, affected));
        Log.Information($"{Path.GetRelativePath(RootDirectory, output)}: " +
                        (affected.Count == 0 ? "no service affected" : $"jobs for {string.Join(", ", affected.Select(a => a.Name))}"));
    }

    /// <summary>What <see cref="ICi.PublishAffected"/> does: hands the affected matrix to later CI jobs.</summary>
    protected internal void PublishAffectedServices()
    {
        var input = Path.GetFullPath(AffectedJsonFile ?? CiPaths.AffectedMatrix, RootDirectory);
        var affected = AffectedMatrix.Read(input);
        if (CiEnvironment.Kind == CiKind.GitHubActions && affected.Count > GitHubWorkflow.MaxMatrixJobs)
            throw new Exception(
                $"{affected.Count} services are affected, but a GitHub matrix runs at most {GitHubWorkflow.MaxMatrixJobs} jobs: " +
                "split the services across workflows (GenerateCi --services with a subset each) or build several per job.");
        CiEnvironment.WriteOutputs(
        [
            new("matrix", AffectedMatrix.ToMatrixJson(affected)),
            new("any", affected.Count > 0 ? "true" : "false"),
        ]);
        Log.Information(affected.Count == 0
            ? "No service is affected."
            : $"Affected: {string.Join(", ", affected.Select(a => a.Name))}");
    }

    /// <summary>What <see cref="ICi.MergeReports"/> does: merges the matrix jobs' reports; fails when a service failed.</summary>
    protected internal void MergeCiReports()
    {
        var folder = Path.GetFullPath(ReportsDir ?? CiPaths.CollectedReports, RootDirectory);
        var merged = BuildReportMerge.Merge(BuildReportMerge.ReadAll(folder),
            ExpectServices.Select(s => s.Trim()).Where(s => s.Length > 0));
        BuildReportJson.Write(merged, ReportFile);
        BuildReportMarkdown.Write(MarkdownReportFile, merged);
        Log.Write(BuildReportTable.Render(merged));
        CiEnvironment.AppendJobSummary(BuildReportMarkdown.Render(merged));
        Log.Information($"Merged {merged.Services.Count} services into {Path.GetRelativePath(RootDirectory, ReportFile)} " +
                        $"and {Path.GetRelativePath(RootDirectory, MarkdownReportFile)}");

        var bad = merged.Services.Where(s => s.Status is ServiceStatus.Failed or ServiceStatus.Cancelled).ToList();
        if (bad.Count > 0)
            throw new Exception($"{bad.Count} of {merged.Services.Count} services did not build: " +
                                string.Join("; ", bad.Select(s => $"{s.Name} ({s.Reason})")));
    }
}
