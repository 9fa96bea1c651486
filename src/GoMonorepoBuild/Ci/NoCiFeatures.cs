namespace GoMonorepoBuild.Ci;

/// <summary>A machine or CI with nothing to write to: every CI feature is a no-op and the build's own log says it all.</summary>
internal sealed class NoCiFeatures(CiKind kind, TextWriter log) : CiEnvironment(log)
{
    public override CiKind Kind { get; } = kind;
}
