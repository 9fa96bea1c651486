namespace GoMonorepoBuild.Targets;

/// <summary>Reaching a component's members from the build class, which does not see an interface's default members.</summary>
public static class BuildComponents
{
    /// <summary>
    /// The build as one of its components, e.g. <c>.DependsOn(this.From&lt;IDeploy&gt;().Deploy)</c>: the target read this way is
    /// the build's own (its override when it has one), so dependencies on it resolve like any other.
    /// </summary>
    public static T From<T>(this IBuild build) where T : IBuild =>
        build is T component
            ? component
            : throw new UsageException($"{build.GetType().Name} does not implement {typeof(T).Name}; add it to the class's list of components.");
}
