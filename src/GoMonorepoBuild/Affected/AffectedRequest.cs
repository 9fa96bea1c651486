using GoMonorepoBuild.Changes;

namespace GoMonorepoBuild.Affected;

/// <summary>What to analyse: the monorepo, the revisions, and what to do when the base cannot be found.</summary>
public sealed record AffectedRequest(string MonorepoDirectory, IReadOnlyList<string> ServiceGlobs)
{
    /// <summary>Service name → configured main package (gomonorepobuild.json's "main"), so the base revision is read the same way.</summary>
    public IReadOnlyDictionary<string, string> ServiceMains { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Service name → its extra-input globs (gomonorepobuild.json's "extraInputs"), so a revision's model knows them too.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ServiceExtraInputs { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>--base; null to take it from the CI's variables or the default branch.</summary>
    public string? Base { get; init; }

    /// <summary>--head; null for the working tree (committed, staged, unstaged and untracked changes).</summary>
    public string? Head { get; init; }

    public AffectedOptions Options { get; init; } = AffectedOptions.Default;

    /// <summary>The CI's variables (GITHUB_*, CI_*).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public DeepenPolicy Deepen { get; init; } = DeepenPolicy.Default;

    /// <summary>When the base cannot be found: select every service (reported as a fallback) instead of failing.</summary>
    public bool BuildAllWhenBaseMissing { get; init; }

    /// <summary>Folders (absolute) whose files are the build's own output, never changes: .nuke/temp.</summary>
    public IReadOnlyList<string> ExcludedFolders { get; init; } = [];

    /// <summary>gomonorepobuild.json's "context" settings for services with their own Dockerfile (unset ones are inferred).</summary>
    public BuildContextSettings BuildContexts { get; init; } = BuildContextSettings.None;

    /// <summary>
    /// Where parse results are kept between runs (the build's temp folder), so that with --head the checked-out commit
    /// the model reads only files it has not read before; null reads every file each time.
    /// </summary>
    public string? ParseCacheFile { get; init; }

    public AffectedRequest WithParseCache(string? file) => this with { ParseCacheFile = file };
    public AffectedRequest WithBuildContexts(BuildContextSettings settings) => this with { BuildContexts = settings };
    public AffectedRequest WithServiceMains(IReadOnlyDictionary<string, string> mains) => this with { ServiceMains = mains };
    public AffectedRequest WithServiceExtraInputs(IReadOnlyDictionary<string, IReadOnlyList<string>> extraInputs) =>
        this with { ServiceExtraInputs = extraInputs };
    public AffectedRequest WithExcludedFolders(IReadOnlyList<string> folders) => this with { ExcludedFolders = folders };
    public AffectedRequest WithBase(string? revision) => this with { Base = revision };
    public AffectedRequest WithHead(string? revision) => this with { Head = revision };
    public AffectedRequest WithOptions(AffectedOptions options) => this with { Options = options };
    public AffectedRequest WithEnvironment(IReadOnlyDictionary<string, string?> environment) => this with { Environment = environment };
    public AffectedRequest WithDeepen(DeepenPolicy policy) => this with { Deepen = policy };
    public AffectedRequest WithBuildAllWhenBaseMissing(bool buildAll = true) => this with { BuildAllWhenBaseMissing = buildAll };
}
