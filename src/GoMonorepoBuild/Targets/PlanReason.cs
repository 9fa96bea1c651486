namespace GoMonorepoBuild.Targets;

internal enum PlanReasonKind
{
    Invoked,
    Default,
    DependencyOf,
    TriggeredBy,
}

/// <summary>Why a target is in the plan: named on the command line, the default, or pulled in by another target.</summary>
internal sealed record PlanReason(PlanReasonKind Kind, string? By = null)
{
    public static readonly PlanReason Invoked = new(PlanReasonKind.Invoked);
    public static readonly PlanReason Default = new(PlanReasonKind.Default);

    public static PlanReason DependencyOf(string target) => new(PlanReasonKind.DependencyOf, target);
    public static PlanReason TriggeredBy(string target) => new(PlanReasonKind.TriggeredBy, target);

    /// <summary>Invoked or default: what the user asked for, which <c>--skip</c> never skips.</summary>
    public bool IsRoot => Kind is PlanReasonKind.Invoked or PlanReasonKind.Default;

    public override string ToString() => Kind switch
    {
        PlanReasonKind.Invoked => "invoked",
        PlanReasonKind.Default => "default target",
        PlanReasonKind.DependencyOf => $"dependency of {By}",
        _ => $"triggered by {By}",
    };
}
