using System.Linq.Expressions;

namespace GoMonorepoBuild.Targets;

/// <summary>The fluent API a target factory uses to describe the target (same meaning as NUKE's).</summary>
public interface ITargetDefinition
{
    ITargetDefinition Description(string description);

    /// <summary>Execution dependencies: pulled into the plan and run before this target.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>The inverse of <see cref="DependsOn"/>: the given targets depend on this one.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>Order only: when both are in the plan, this runs after the given targets.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Order only: when both are in the plan, this runs before the given targets.</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>The given targets are added to the plan after this one.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>This target is added to the plan after any of the given targets.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>Conditions evaluated for the whole plan before anything runs; false skips the target (cascading).</summary>
    ITargetDefinition OnlyWhenStatic(params Func<bool>[] conditions);

    /// <summary>Conditions evaluated just before the target runs; false skips only this target.</summary>
    ITargetDefinition OnlyWhenDynamic(params Func<bool>[] conditions);

    /// <summary>Parameters that must have a value before the plan runs, e.g. <c>Requires(() => Registry)</c>.</summary>
    ITargetDefinition Requires(params Expression<Func<object?>>[] parameters);

    /// <summary>What happens to this target's execution dependencies when it is skipped.</summary>
    ITargetDefinition WhenSkipped(DependencyBehavior behavior);

    /// <summary>A failure of this target does not stop the targets after it.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>This target runs even when an earlier target failed.</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hidden from <c>--help</c>.</summary>
    ITargetDefinition Unlisted();

    ITargetDefinition Executes(Action action);

    /// <summary>The token fires on Ctrl-C.</summary>
    ITargetDefinition Executes(Func<CancellationToken, Task> action);
}
