using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Pipeline.ChangedBuild;

/// <summary>
/// What a BuildChanged run reports besides its decisions: the rows of blocked services and of services a sparse
/// checkout left out, the affected ones it cannot build (which fail the run), and whether --only names services.
/// </summary>
public sealed record ChangedBuildScope(IReadOnlyList<ServiceReport> OtherRows, IReadOnlyList<NotCheckedOutService> Unbuildable, bool OnlyNamesServices)
{
    public static ChangedBuildScope Empty { get; } = new([], [], false);

    /// <summary>
    /// The scope from the selected blocked and left-out services: a blocked service left out is reported as not checked
    /// out; an affected left-out service wholly outside the checkout (neither a service nor blocked here) must not go
    /// unmentioned. Every service counts as affected when no analysis ran: nothing says otherwise.
    /// </summary>
    public static ChangedBuildScope Of(
        IReadOnlyList<BlockedService> blocked, IReadOnlyList<NotCheckedOutService> leftOut, Func<string, bool> isLoaded,
        Func<string, bool> namedByOnly, AffectedResult? analysis, bool onlyNamesServices)
    {
        bool IsAffected(NotCheckedOutService service) => analysis?.IsAffected(service.Name) ?? true;
        var rows = blocked.Select(b => leftOut.FirstOrDefault(n => n.Name == b.Name) is { } n
            ? ServiceRows.NotCheckedOut(n, analysis) : ServiceRows.Blocked(b, namedByOnly(b.Name), analysis)).ToList();
        rows.AddRange(leftOut.Where(n => !isLoaded(n.Name) && IsAffected(n)).Select(n => ServiceRows.NotCheckedOut(n, analysis)));
        return new ChangedBuildScope(rows, leftOut.Where(IsAffected).ToList(), onlyNamesServices);
    }
}
