using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Services;
using Spectre.Console;

namespace GoMonorepoBuild;

public abstract partial class MonorepoBuildCore
{
    // The values of the parameters IChangeAnalysis and IAffected (Output, Format) declare.
    public string? Base { get; set; }
    public string? Head { get; set; }
    public Granularity Granularity { get; set; } = Granularity.Package;
    public string? Output { get; set; }
    public AffectedFormat Format { get; set; } = AffectedFormat.Json;
    public string[] GlobalFiles { get; set; } = [.. GlobalPatterns.DefaultMonorepo];
    public MissingBasePolicy MissingBase { get; set; } = MissingBasePolicy.Fail;
    public int DeepenLimit { get; set; } = DeepenPolicy.Default.Limit;

    AffectedResult? affected;

    /// <summary>The affected analysis of this run, computed on first use (BuildChanged can consult it).</summary>
    protected async Task<AffectedResult> AffectedServicesAsync(CancellationToken cancellationToken) =>
        affected ??= earlyAnalysis is { } early
            ? (await early).Replay()
            : await new AffectedAnalysis().RunAsync(AffectedRequestFor(), Git, () => Workspace, cancellationToken);

    /// <summary>The last computed affected analysis; null until <see cref="AffectedServicesAsync"/> ran.</summary>
    public AffectedResult? AffectedResult => affected;

    /// <summary>Files of the build itself whose change affects every service, relative to the repository root.</summary>
    protected virtual IReadOnlyList<string> BuildConfigurationPatterns(string buildFolder) =>
        new[] { "build/**", ".nuke/parameters*.json", "build.sh", "build.ps1", "build.cmd", "global.json", "Directory.Packages.props", "Directory.Build.props" }
            .Select(p => RepoPath.Combine(buildFolder, p)).ToList();

    /// <summary>What <see cref="IAffected.Affected"/> does: prints and writes the affected analysis; fails when an affected service is blocked.</summary>
    protected internal async Task ReportAffectedAsync(CancellationToken ct)
    {
        if (DeepenLimit < 0) throw new UsageException($"--deepen-limit {DeepenLimit}: give 0 or a positive number of commits.");
        var result = await AffectedServicesAsync(ct);
        // Through the build's log writer, so a build run in-process (tests, tools) captures the table too.
        Log.Write(AffectedTable.Render(result));
        Log.Information($"Base: {result.Base ?? "none"} ({result.BaseSource}); head: {result.Head}");
        if (result.Fallback is not null) Log.Warning($"Fallback: {result.Fallback}");
        foreach (var note in result.Notes) Log.Warning(note);
        foreach (var service in result.NotCheckedOut) Log.Warning(service.Describe());
        var text = Format == AffectedFormat.Matrix ? AffectedJson.Matrix(result) : AffectedJson.Serialize(result);
        if (Output is null)
        {
            if (Format == AffectedFormat.Matrix) Log.Output.Out.WriteLine(text);
        }
        else
        {
            var path = Path.GetFullPath(Output, RootDirectory);
            AffectedJson.WriteFile(path, text);
            Log.Information($"Wrote {Path.GetRelativePath(RootDirectory, path)}");
        }
        FailWhenBlockedServicesAreAffected(result);
    }

    /// <summary>
    /// A blocked service the changes may reach cannot be analysed: the run fails (after writing its output, so CI still
    /// gets the healthy services), naming each with its problem. Blocked services the changes do not reach are warnings.
    /// </summary>
    void FailWhenBlockedServicesAreAffected(AffectedResult result)
    {
        var selected = result.BlockedServices.Where(b => OnlyNames.Count == 0 || NamedByOnly(b.Name)).ToList();
        foreach (var blocked in selected.Where(b => !b.Affected))
            Log.Warning($"service {blocked.Name} ({blocked.Path}) is blocked, but the changes do not reach it: {blocked.Problem}");
        var affectedBlocked = selected.Where(b => b.Affected).ToList();
        if (affectedBlocked.Count > 0)
            throw BlockedServicesError.For(affectedBlocked.Select(b => (b.Name, b.Path, b.Problem)).ToList(),
                "service(s) the changes may affect", "the other services were analysed");
    }

    AffectedRequest AffectedRequestFor()
    {
        var globals = GlobalPatterns.Default with { Monorepo = GlobalFiles };
        if (Git.WorkingDirectory is { } workDir)
        {
            // Real paths on every side: the build root or the monorepo may be reached through a link.
            var top = RealPath.Of(workDir);
            var buildFolder = RepoPath.FromSystem(top, RealPath.Of(RootDirectory));
            if (!buildFolder.StartsWith("..", StringComparison.Ordinal))
                globals = globals.WithRepository(BuildConfigurationPatterns(buildFolder), RepoPath.FromSystem(top, RealPath.Of(MonorepoDirectory)));
        }
        return new AffectedRequest(MonorepoDirectory, ServiceGlobs)
            .WithServiceMains(WorkspaceLoadOptions.ServiceMains)
            .WithBuildContexts(UnvalidatedImageSettings.BuildContexts)
            .WithServiceExtraInputs(WorkspaceLoadOptions.ServiceExtraInputs)
            .WithExcludedFolders([TemporaryDirectory])
            .WithParseCache(Path.Combine(TemporaryDirectory, "parse-cache", "workspace.bin"))
            .WithBase(Base)
            .WithHead(Head)
            .WithOptions(AffectedOptions.Default.WithGranularity(Granularity).WithGlobals(globals))
            .WithEnvironment(CiVariables())
            .WithDeepen(new DeepenPolicy(DeepenLimit))
            .WithBuildAllWhenBaseMissing(MissingBase == MissingBasePolicy.BuildAll);
    }

    /// <summary>The run's environment the base is read from (GITHUB_*, CI_*); override to supply another.</summary>
    protected virtual IReadOnlyDictionary<string, string?> CiVariables() => Run.Environment;
}
