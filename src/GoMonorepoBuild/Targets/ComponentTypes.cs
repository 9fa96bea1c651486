using System.Diagnostics.CodeAnalysis;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// The components (interfaces) a build class implements, for the reflection that finds their targets and parameters.
/// <see cref="Type.GetInterfaces"/> returns types the trim analysis knows nothing about; <see cref="Kept"/> says what
/// holds for these: <see cref="BuildBase"/>'s <c>[DynamicallyAccessedMembers(All)]</c> keeps every member of a build
/// class, its bases and the interfaces it implements (All reaches interfaces, recursively).
/// </summary>
internal static class ComponentTypes
{
    /// <summary>The interfaces <paramref name="buildType"/> implements, base components first.</summary>
    public static IEnumerable<Type> Of([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type buildType) =>
        buildType.GetInterfaces().OrderBy(i => Kept(i).GetInterfaces().Length);

    /// <summary><paramref name="component"/>, an interface of a build class, with the annotation its members are kept by.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2068",
        Justification = "Only given interfaces of a build class (from GetInterfaces of a type deriving from BuildBase), whose " +
                        "members BuildBase's DynamicallyAccessedMembers(All) keeps: All covers the interfaces a type implements.")]
    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)]
    public static Type Kept(Type component) => component;
}
