using System.Reflection;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// One identity per property accessor however it was reflected (a base's accessor seen from a derived type is another
/// MethodInfo): the type that first declares it and its name. An accessor's name is unique in its type (explicit
/// implementations carry the interface's name), so no signature is needed, and neither is a metadata token, which
/// Native AOT does not have; the signature string it replaced cost a native run ~10 ms of CPU (BENCHMARKS.md, "The
/// native build"). A class rather than a tuple: sets and dictionaries keyed by a reference type run the framework's
/// precompiled shared code, while each one keyed by a tuple is JIT-compiled in every run (BENCHMARKS.md, "JIT-compiled
/// methods by call site").
/// </summary>
internal sealed record MethodIdentity(Type DeclaringType, string Name)
{
    /// <summary>The identity of <paramref name="accessor"/>, a property's get or set method.</summary>
    public static MethodIdentity Of(MethodInfo accessor)
    {
        var definition = accessor.GetBaseDefinition();
        return new MethodIdentity(definition.DeclaringType!, definition.Name);
    }
}
