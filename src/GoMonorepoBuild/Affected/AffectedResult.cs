using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Affected;

/// <summary>
/// The outcome of the affected analysis: the resolved base and head, the changed files (relative to the monorepo root),
/// the affected services with reasons, the ignored files with reasons, and <see cref="Fallback"/> when every service was
/// selected without analysis.
/// </summary>
public sealed record AffectedResult(
    IReadOnlyList<string> ChangedFiles,
    IReadOnlyList<AffectedService> Services,
    IReadOnlyList<IgnoredFile> IgnoredFiles)
{
    /// <summary>The base sha; null when there was none (a first push, or a fallback before resolving it).</summary>
    public string? Base { get; init; }

    /// <summary>How the base was chosen, e.g. "merge-base of HEAD and origin/main (default branch)".</summary>
    public string? BaseSource { get; init; }

    /// <summary>The head sha, or "WORKTREE" when uncommitted changes were included.</summary>
    public string? Head { get; init; }

    /// <summary>Services that existed at the base revision and no longer do (nothing to build; reported).</summary>
    public IReadOnlyList<string> RemovedServices { get; init; } = [];

    /// <summary>Changed files outside the monorepo root that matched no global pattern.</summary>
    public int OutsideFiles { get; init; }

    /// <summary>Affected services whose inputs a sparse checkout left out (analysed from the commit; not buildable here).</summary>
    public IReadOnlyList<NotCheckedOutService> NotCheckedOut { get; init; } = [];

    /// <summary>Selected services that a problem blocks, each saying whether the changes may affect it; sorted by path.</summary>
    public IReadOnlyList<BlockedServiceEntry> BlockedServices { get; init; } = [];

    /// <summary>The blocked services the changes may affect: a run that would build them cannot, and must say so.</summary>
    public IReadOnlyList<BlockedServiceEntry> AffectedBlockedServices => BlockedServices.Where(b => b.Affected).ToList();

    /// <summary>What the change listing could only approximate, and how to get the exact answer (e.g. a submodule's old commit missing).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Null, or why every service was selected without analysis.</summary>
    public string? Fallback { get; init; }

    public bool IsAffected(string serviceName) => Find(serviceName) is not null;

    public AffectedService? Find(string serviceName) =>
        Services.FirstOrDefault(s => string.Equals(s.Name, serviceName, StringComparison.OrdinalIgnoreCase));

    public AffectedResult WithRevisions(string? baseSha, string baseSource, string head) =>
        this with { Base = baseSha, BaseSource = baseSource, Head = head };

    /// <summary>Every service affected with a <see cref="ReasonKind.Fallback"/> reason: the typed "build all".</summary>
    public static AffectedResult Everything(IEnumerable<GoService> services, string reason) =>
        new([], services.Select(s => new AffectedService(s.Name, s.Path,
            [new AffectedReason(ReasonKind.Fallback, reason, [$"fallback: {reason}", $"service {s.Name}"])])).ToList(), [])
        {
            Fallback = reason,
        };

    /// <summary>Every service of the model affected (see <see cref="Everything(IEnumerable{GoService}, string)"/>), its blocked ones too.</summary>
    public static AffectedResult Everything(Workspace.GoWorkspace model, string reason) =>
        Everything(model.Services, reason) with { BlockedServices = Blocked(model.BlockedServices, _ => true) };

    /// <summary>The model's blocked services, each affected when <paramref name="affected"/> says so.</summary>
    public static IReadOnlyList<BlockedServiceEntry> Blocked(IEnumerable<BlockedService> blocked, Func<BlockedService, bool> affected) =>
        blocked.Select(b => new BlockedServiceEntry(b.Name, b.Path, b.Problem, b.Problems.Select(p => p.LocatedReason).ToList(), affected(b))).ToList();
}
