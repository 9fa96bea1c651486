using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// Finds a build's targets: <see cref="Target"/> properties of the class and its bases (any visibility), and of every
/// interface it implements (components, <see cref="IBuild"/>). A target implemented by the class (a public property of
/// the same name, or an explicit <c>Target IComponent.Name</c>) or overridden by a derived component counts once: as the
/// class's property when a public one implements it (listed where the class declares it, so a class that implements its
/// components' targets, as <c>MonorepoBuild</c> does, keeps its own order), else under the component's declaration.
/// Either way reading it dispatches to the most specific implementation.
/// </summary>
internal static class TargetDiscovery
{
    const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>
    /// Components' targets the class does not declare first (base components first), then the class hierarchy's, base
    /// classes first.
    /// </summary>
    public static IReadOnlyList<PropertyInfo> Find([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type buildType)
    {
        var classTargets = ClassTargets(buildType);
        var found = ComponentTargets(buildType, [.. classTargets.Select(p => MethodIdentity.Of(p.GetMethod!))]);
        found.AddRange(classTargets);

        var duplicates = found.GroupBy(p => Names.Canonical(p.Name)).FirstOrDefault(g => g.Count() > 1);
        if (duplicates is not null)
            throw new UsageException(
                "Two targets share the name '" + duplicates.First().Name + "': " +
                string.Join(" and ", duplicates.Select(p => $"{p.DeclaringType?.Name}.{p.Name}")) +
                "; rename one (names match case-insensitively, ignoring dashes)" +
                (duplicates.Any(p => p.DeclaringType!.IsInterface)
                    ? ", or implement it once in the build class ('public Target " + duplicates.First().Name + " => ...')"
                    : "") + ".");
        return found;
    }

    /// <summary>The class hierarchy's own target declarations; an overridden virtual target counts once, as its override.</summary>
    static List<PropertyInfo> ClassTargets([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type buildType)
    {
        var overridden = new HashSet<MethodIdentity>();
        var perType = new List<List<PropertyInfo>>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            var own = new List<PropertyInfo>();
            foreach (var property in type.GetProperties(Declared))
            {
                if (!IsTargetDeclaration(property)) continue;
                if (!overridden.Add(MethodIdentity.Of(property.GetMethod!)))
                    continue; // a base declaration of a virtual target a derived class overrides
                own.Add(property);
            }
            perType.Add(own);
        }
        return [.. Enumerable.Reverse(perType).SelectMany(own => own)];
    }

    /// <summary>
    /// Each component's target declarations, one per implementation (an explicit implementation of two components' targets
    /// of one name is one target), leaving out those a target the class declares implements (listed as the class's).
    /// </summary>
    static List<PropertyInfo> ComponentTargets([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type buildType, HashSet<MethodIdentity> classTargets)
    {
        var targets = new List<PropertyInfo>();
        var implementations = new HashSet<MethodIdentity>(classTargets);
        // An interface's bases come before it: a base component's targets are listed first, as a base class's are.
        foreach (var interfaceType in ComponentTypes.Of(buildType))
        {
            var component = ComponentTypes.Kept(interfaceType);
            var declared = component.GetProperties(Declared).Where(IsTargetDeclaration).ToList();
            if (declared.Count == 0) continue; // and no interface map: some interfaces (static abstract members) have none
            var map = buildType.GetInterfaceMap(component);
            foreach (var property in declared)
            {
                var index = Array.IndexOf(map.InterfaceMethods, property.GetMethod);
                var implementation = index >= 0 && map.TargetMethods[index] is { } method ? method : property.GetMethod!;
                if (implementations.Add(MethodIdentity.Of(implementation)))
                    targets.Add(property);
            }
        }
        return targets;
    }

    /// <summary>
    /// A property of type <see cref="Target"/> that declares a target: not an explicit implementation of a component's
    /// (<c>Target IDeploy.Deploy</c>, named with a dot), which is reached through the component's declaration.
    /// </summary>
    static bool IsTargetDeclaration(PropertyInfo property) =>
        property.PropertyType == typeof(Target) && property.GetMethod is not null && !property.Name.Contains('.');

}
