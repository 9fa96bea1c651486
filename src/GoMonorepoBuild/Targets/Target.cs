namespace GoMonorepoBuild.Targets;

/// <summary>
/// A target is a property of the build class whose value is this delegate:
/// <c>Target Compile => _ => _.DependsOn(Restore).Executes(() => ...);</c>
/// The engine calls it once with a recording definition.
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition definition);
