using System.Collections.Immutable;

namespace GoMonorepoBuild.Targets;

/// <summary>One target of the plan: why it is there, and why it will be skipped (null: it runs).</summary>
internal sealed record PlannedTarget(string Name, PlanReason Reason, string? SkipReason = null)
{
    public bool IsSkipped => SkipReason is not null;

    public PlannedTarget WithSkipReason(string? reason) => this with { SkipReason = reason };
}

/// <summary>The targets to run, in order.</summary>
internal sealed record ExecutionPlan(ImmutableArray<PlannedTarget> Targets)
{
    public IEnumerable<string> Names => Targets.Select(t => t.Name);

    public PlannedTarget? Find(string name) => Targets.FirstOrDefault(t => t.Name == name);

    public ExecutionPlan WithTargets(IEnumerable<PlannedTarget> targets) => this with { Targets = [.. targets] };
}
