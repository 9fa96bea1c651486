using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Inputs;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Building;

/// <summary>
/// The rules BuildChanged decides by, per selected service, once the facts are known: whether it has a main package,
/// whether a sparse checkout left its inputs out, its input hash, whether an image for that hash exists where the run
/// puts images, and why git says it changed. Pure, so each rule is tested without an engine.
/// </summary>
public static class BuildDecisions
{
    /// <summary>
    /// Build when no image exists for the service's current input hash (its reason: why it changed, when the affected
    /// analysis knows, else that no image has these inputs yet); skip when one does, even when git says it changed
    /// (a revert); build everything buildable with <paramref name="force"/>.
    /// </summary>
    public static BuildDecision Decide(
        GoService service, NotCheckedOutService? leftOut, ServiceInputHash? hash, ExistingImage? existing, AffectedResult? changes, bool force)
    {
        if (!service.IsBuildable)
            return BuildDecision.Skipped(service, $"no main package in {service.Path} (module root or cmd/<name>): a library module has no image");
        if (leftOut is not null)
            return BuildDecision.Skipped(service, NotCheckedOutReason(leftOut, changes));
        var why = changes?.Find(service.Name)?.FirstReason;
        var decision = force ? BuildDecision.Selected(service, "forced (--force)")
            : existing is not null ? BuildDecision.Skipped(service, ExistsReason(existing, why is not null, changes is not null))
            : BuildDecision.Selected(service, why is not null ? $"affected: {why.ChainText}" : "no image for these inputs yet");
        return decision with
        {
            InputHash = hash ?? throw new ArgumentException($"{service.Name} is buildable and checked out, so it needs an input hash.", nameof(hash)),
            AffectedBecause = why?.Chain ?? [],
        };
    }

    /// <summary>The report's reason for a service a sparse checkout left inputs of out; the run fails when the changes affect it.</summary>
    public static string NotCheckedOutReason(NotCheckedOutService service, AffectedResult? changes) =>
        changes?.IsAffected(service.Name) ?? true ? service.Reason : service.Reason + " (the changes do not reach it, so it needs no build now)";

    /// <summary>Why a service whose inputs already have an image is skipped, with where that image came from.</summary>
    public static string ExistsReason(ExistingImage existing, bool affected, bool analysed)
    {
        var built = existing.Revision is { } rev ? $"built at {rev[..Math.Min(12, rev.Length)]}" : existing.Where;
        var reason = $"image for these inputs already exists ({built})";
        return !analysed ? reason : affected ? reason + "; git marks it changed, but its image inputs match that image" : "not affected; " + reason;
    }
}
