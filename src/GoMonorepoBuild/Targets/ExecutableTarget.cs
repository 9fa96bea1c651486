using System.Collections.Immutable;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// A target as the planner and executor see it. Dependencies are normalised: <see cref="DependsOn"/> includes other
/// targets' <c>DependentFor</c>, <see cref="After"/> their <c>Before</c>, <see cref="Triggers"/> their <c>TriggeredBy</c>.
/// </summary>
internal sealed record ExecutableTarget(string Name)
{
    public string Description { get; init; } = "";
    public ImmutableArray<string> DependsOn { get; init; } = [];
    public ImmutableArray<string> After { get; init; } = [];
    public ImmutableArray<string> Triggers { get; init; } = [];
    public ImmutableArray<Func<bool>> StaticConditions { get; init; } = [];
    public ImmutableArray<Func<bool>> DynamicConditions { get; init; } = [];
    public ImmutableArray<Requirement> Requirements { get; init; } = [];
    public DependencyBehavior WhenSkipped { get; init; } = DependencyBehavior.Skip;
    public bool ProceedAfterFailure { get; init; }
    public bool AssuredAfterFailure { get; init; }
    public bool Listed { get; init; } = true;
    public ImmutableArray<Func<CancellationToken, Task>> Actions { get; init; } = [];

    public ExecutableTarget WithDependsOn(params string[] names) => this with { DependsOn = [.. names] };
    public ExecutableTarget WithAfter(params string[] names) => this with { After = [.. names] };
    public ExecutableTarget WithTriggers(params string[] names) => this with { Triggers = [.. names] };
    public ExecutableTarget WithWhenSkipped(DependencyBehavior behavior) => this with { WhenSkipped = behavior };
    public ExecutableTarget WithStaticCondition(Func<bool> condition) => this with { StaticConditions = StaticConditions.Add(condition) };
    public ExecutableTarget WithDynamicCondition(Func<bool> condition) => this with { DynamicConditions = DynamicConditions.Add(condition) };
    public ExecutableTarget WithAction(Func<CancellationToken, Task> action) => this with { Actions = Actions.Add(action) };

    public ExecutableTarget WithAction(Action action) => WithAction(_ =>
    {
        action();
        return Task.CompletedTask;
    });
}
