using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// A <c>[Parameter]</c> field or property of the build class or of a component it implements, with its command-line and
/// environment spellings. A component's parameter is an interface property: a get-only one with a default body keeps its
/// bound value in the build and reads it back through <see cref="IBuild.ParameterValue{T}"/>; one the class implements
/// with a settable property of its own is that property (see <see cref="Discover"/>).
/// </summary>
internal sealed record ParameterDescriptor(string Name, MemberInfo Member, Type Type, string Description, char Separator)
{
    const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public |
                                  BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public string CliName => "--" + Names.Kebab(Name);
    public string EnvironmentName => Names.UpperSnake(Name);

    public object? GetValue(object build) => Member switch
    {
        FieldInfo field => field.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => null,
    };

    public void SetValue(object build, object? value)
    {
        switch (Member)
        {
            // A component's get-only parameter has nowhere to keep its value but the build; one with a setter is implemented
            // by the class, which does.
            case PropertyInfo { DeclaringType.IsInterface: true, CanWrite: false } when build is BuildBase owner:
                owner.SetComponentParameter(Member.Name, value);
                break;
            case FieldInfo field:
                field.SetValue(build, value);
                break;
            case PropertyInfo property:
                property.SetValue(build, value);
                break;
        }
    }

    /// <summary>
    /// Every parameter of the build class and its bases (an overridden property counts once) and of the components it
    /// implements. A component's parameter the class implements with a settable property of its own (as
    /// <c>MonorepoBuildCore</c> holds the framework components' values) counts once, as that property: listed where the
    /// class declares it, so the class keeps its own order, and bound through its setter, where the class reads it.
    /// </summary>
    public static IReadOnlyList<ParameterDescriptor> Discover([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type buildType)
    {
        var implemented = ImplementedByTheClass(buildType);
        var found = new List<ParameterDescriptor>();
        var perType = new List<List<ParameterDescriptor>>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            var own = new List<ParameterDescriptor>();
            perType.Add(own);
            foreach (var member in type.GetMembers(Declared))
            {
                if (member is not (FieldInfo or PropertyInfo)) continue;
                var parameter = member.GetCustomAttribute<ParameterAttribute>(inherit: true);
                if (parameter is null && member is PropertyInfo { GetMethod: { } getter } && implemented.TryGetValue(MethodIdentity.Of(getter), out var component))
                    parameter = component.Attribute;
                if (parameter is null) continue;
                var name = parameter.Name ?? member.Name;
                if (found.Any(p => p.Member.Name == member.Name && p.Member is PropertyInfo && member is PropertyInfo))
                    continue; // an override of a parameter already seen in a derived class
                if (member is PropertyInfo { CanWrite: false })
                    throw new UsageException($"Parameter '{name}' ({type.Name}.{member.Name}) has no setter; give it 'set' or 'init'.");
                if (found.FirstOrDefault(p => Names.Same(p.Name, name)) is { } clash)
                    throw new UsageException(
                        $"Two parameters are both called '{name}': {clash.Member.DeclaringType?.Name}.{clash.Member.Name} and {type.Name}.{member.Name}.");
                var memberType = member is FieldInfo f ? f.FieldType : ((PropertyInfo)member).PropertyType;
                var descriptor = new ParameterDescriptor(name, member, memberType, parameter.Description, parameter.Separator);
                found.Add(descriptor);
                own.Add(descriptor);
            }
        }
        var components = ComponentParameters(buildType, found, implemented);
        // Components' parameters first, then base-class parameters, each class's in source order.
        return [.. components, .. Enumerable.Reverse(perType).SelectMany(own => own)];
    }

    /// <summary>
    /// The components' parameters the class implements with a public settable property (not an explicit implementation,
    /// which the component's declaration reaches), by the implementing getter; the first component's declaration wins.
    /// </summary>
    static Dictionary<MethodIdentity, ParameterDeclaration> ImplementedByTheClass([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type buildType)
    {
        var implemented = new Dictionary<MethodIdentity, ParameterDeclaration>();
        foreach (var interfaceType in ComponentTypes.Of(buildType))
        {
            var component = ComponentTypes.Kept(interfaceType);
            var declared = ComponentDeclarations(component).ToList();
            if (declared.Count == 0) continue; // and no interface map: some interfaces (static abstract members) have none
            var map = buildType.GetInterfaceMap(component);
            foreach (var (property, attribute) in declared)
            {
                var index = Array.IndexOf(map.InterfaceMethods, property.GetMethod);
                if (index < 0 || map.TargetMethods[index] is not { IsPublic: true, DeclaringType.IsInterface: false } getter) continue;
                var implementation = PropertyOf(buildType, getter);
                if (implementation is { CanWrite: true, SetMethod.IsPublic: true })
                    implemented.TryAdd(MethodIdentity.Of(getter), new ParameterDeclaration(property, attribute));
            }
        }
        return implemented;
    }

    /// <summary>The property whose getter is <paramref name="getter"/>, declared by the build class or one of its bases.</summary>
    static PropertyInfo? PropertyOf([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type buildType, MethodInfo getter)
    {
        // Walked from the build type rather than read from getter.DeclaringType, so the trim analysis sees what is reflected.
        for (var type = buildType; type is not null; type = type.BaseType)
            if (type == getter.DeclaringType)
                return type.GetProperties(Declared).FirstOrDefault(p => p.GetMethod is { } g && MethodIdentity.Of(g) == MethodIdentity.Of(getter));
        return null;
    }

    static List<ParameterDescriptor> ComponentParameters([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type buildType, List<ParameterDescriptor> classParameters,
        Dictionary<MethodIdentity, ParameterDeclaration> implemented)
    {
        var found = new List<ParameterDescriptor>();
        var adopted = implemented.Values.Select(v => v.Property).ToHashSet();
        foreach (var interfaceType in ComponentTypes.Of(buildType))
            foreach (var (property, attribute) in ComponentDeclarations(ComponentTypes.Kept(interfaceType)))
            {
                if (adopted.Contains(property)) continue; // listed as the class's property that implements it
                var name = attribute.Name ?? property.Name;
                if (classParameters.Concat(found).FirstOrDefault(p => Names.Same(p.Name, name)) is { } clash)
                {
                    // Another component's declaration of a parameter the class implements once (its property holds both).
                    if (clash.Member is PropertyInfo { GetMethod: { } getter } && ImplementsAlso(buildType, ComponentTypes.Kept(interfaceType), property, getter)) continue;
                    throw new UsageException(
                        $"Two parameters are both called '{name}': {clash.Member.DeclaringType?.Name}.{clash.Member.Name} and {interfaceType.Name}.{property.Name}.");
                }
                found.Add(new ParameterDescriptor(name, property, property.PropertyType, attribute.Description, attribute.Separator));
            }
        return found;
    }

    static bool ImplementsAlso([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type buildType, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type component, PropertyInfo property, MethodInfo classGetter)
    {
        var map = buildType.GetInterfaceMap(component);
        var index = Array.IndexOf(map.InterfaceMethods, property.GetMethod);
        return index >= 0 && map.TargetMethods[index] is { } target && MethodIdentity.Of(target) == MethodIdentity.Of(classGetter);
    }

    /// <summary>A component's own <c>[Parameter]</c> properties (not its explicit implementations of another's, named with a dot).</summary>
    static IEnumerable<ParameterDeclaration> ComponentDeclarations([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type component) =>
        component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Where(p => !p.Name.Contains('.'))
            .Select(p => p.GetCustomAttribute<ParameterAttribute>(inherit: true) is { } attribute ? new ParameterDeclaration(p, attribute) : null)
            .OfType<ParameterDeclaration>();

}
