using System.Reflection;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// One identity per method however it was reflected (a base's method seen from a derived type is another MethodInfo).
/// A class rather than a <c>(Module, int)</c> tuple: sets and dictionaries keyed by a reference type run the framework's
/// precompiled shared code, while each one keyed by a tuple is JIT-compiled in every run (BENCHMARKS.md, "JIT-compiled
/// methods by call site").
/// </summary>
internal sealed record MethodIdentity(Module Module, int MetadataToken)
{
    public static MethodIdentity Of(MethodInfo method)
    {
        var definition = method.GetBaseDefinition();
        return new MethodIdentity(definition.Module, definition.MetadataToken);
    }
}
