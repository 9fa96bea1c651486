using System.Linq.Expressions;

namespace GoMonorepoBuild.Targets;

/// <summary>Records what a target factory says; the catalog turns the recording into an <see cref="ExecutableTarget"/>.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    public string Description { get; private set; } = "";
    public List<Target> DependsOnTargets { get; } = [];
    public List<Target> DependentForTargets { get; } = [];
    public List<Target> AfterTargets { get; } = [];
    public List<Target> BeforeTargets { get; } = [];
    public List<Target> TriggersTargets { get; } = [];
    public List<Target> TriggeredByTargets { get; } = [];
    public List<Func<bool>> StaticConditions { get; } = [];
    public List<Func<bool>> DynamicConditions { get; } = [];
    public List<LambdaExpression> Requirements { get; } = [];
    public DependencyBehavior SkipBehavior { get; private set; } = DependencyBehavior.Skip;
    public bool Proceeds { get; private set; }
    public bool Assured { get; private set; }
    public bool Listed { get; private set; } = true;
    public List<Func<CancellationToken, Task>> Actions { get; } = [];

    ITargetDefinition ITargetDefinition.Description(string description) => Do(() => Description = description);
    public ITargetDefinition DependsOn(params Target[] targets) => Do(() => DependsOnTargets.AddRange(targets));
    public ITargetDefinition DependentFor(params Target[] targets) => Do(() => DependentForTargets.AddRange(targets));
    public ITargetDefinition After(params Target[] targets) => Do(() => AfterTargets.AddRange(targets));
    public ITargetDefinition Before(params Target[] targets) => Do(() => BeforeTargets.AddRange(targets));
    public ITargetDefinition Triggers(params Target[] targets) => Do(() => TriggersTargets.AddRange(targets));
    public ITargetDefinition TriggeredBy(params Target[] targets) => Do(() => TriggeredByTargets.AddRange(targets));
    public ITargetDefinition OnlyWhenStatic(params Func<bool>[] conditions) => Do(() => StaticConditions.AddRange(conditions));
    public ITargetDefinition OnlyWhenDynamic(params Func<bool>[] conditions) => Do(() => DynamicConditions.AddRange(conditions));
    public ITargetDefinition Requires(params Expression<Func<object?>>[] parameters) => Do(() => Requirements.AddRange(parameters));
    public ITargetDefinition WhenSkipped(DependencyBehavior behavior) => Do(() => SkipBehavior = behavior);
    public ITargetDefinition ProceedAfterFailure() => Do(() => Proceeds = true);
    public ITargetDefinition AssuredAfterFailure() => Do(() => Assured = true);
    public ITargetDefinition Unlisted() => Do(() => Listed = false);

    public ITargetDefinition Executes(Action action) => Do(() => Actions.Add(_ =>
    {
        action();
        return Task.CompletedTask;
    }));

    public ITargetDefinition Executes(Func<CancellationToken, Task> action) => Do(() => Actions.Add(action));

    ITargetDefinition Do(Action record)
    {
        record();
        return this;
    }
}
