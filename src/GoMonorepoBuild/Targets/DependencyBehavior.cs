namespace GoMonorepoBuild.Targets;

public enum DependencyBehavior
{
    /// <summary>Skip the execution dependencies too, unless another scheduled target needs them (NUKE's default).</summary>
    Skip,

    /// <summary>Run the execution dependencies even though this target is skipped.</summary>
    Execute,
}
