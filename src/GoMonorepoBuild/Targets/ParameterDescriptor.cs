using System.Reflection;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// A <c>[Parameter]</c> field or property of the build class or of a component it implements, with its command-line and
/// environment spellings. A component's parameter is a get-only interface property: its bound value is kept by the build
/// and read back through <see cref="IBuild.ParameterValue{T}"/>.
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

    /// <summary>Every parameter of the build class and its bases; an overridden property counts once.</summary>
    public static IReadOnlyList<ParameterDescriptor> Discover(Type buildType)
    {
        var found = new List<ParameterDescriptor>();
        var perType = new List<List<ParameterDescriptor>>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            var own = new List<ParameterDescriptor>();
            perType.Add(own);
            foreach (var member in type.GetMembers(Declared))
            {
                if (member is not (FieldInfo or PropertyInfo)) continue;
                var attribute = member.GetCustomAttribute<ParameterAttribute>(inherit: true);
                if (attribute is null) continue;
                var name = attribute.Name ?? member.Name;
                if (found.Any(p => p.Member.Name == member.Name && p.Member is PropertyInfo && member is PropertyInfo))
                    continue; // an override of a parameter already seen in a derived class
                if (member is PropertyInfo { CanWrite: false })
                    throw new UsageException($"Parameter '{name}' ({type.Name}.{member.Name}) has no setter; give it 'set' or 'init'.");
                if (found.FirstOrDefault(p => Names.Same(p.Name, name)) is { } clash)
                    throw new UsageException(
                        $"Two parameters are both called '{name}': {clash.Member.DeclaringType?.Name}.{clash.Member.Name} and {type.Name}.{member.Name}.");
                var memberType = member is FieldInfo f ? f.FieldType : ((PropertyInfo)member).PropertyType;
                var descriptor = new ParameterDescriptor(name, member, memberType, attribute.Description, attribute.Separator);
                found.Add(descriptor);
                own.Add(descriptor);
            }
        }
        var components = ComponentParameters(buildType, found);
        // Components' parameters first, then base-class parameters, each class's in source order.
        return [.. components, .. Enumerable.Reverse(perType).SelectMany(own => own)];
    }

    static List<ParameterDescriptor> ComponentParameters(Type buildType, List<ParameterDescriptor> classParameters)
    {
        var found = new List<ParameterDescriptor>();
        foreach (var component in buildType.GetInterfaces().OrderBy(i => i.GetInterfaces().Length))
            foreach (var property in component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (property.GetCustomAttribute<ParameterAttribute>(inherit: true) is not { } attribute || property.Name.Contains('.')) continue;
                var name = attribute.Name ?? property.Name;
                if (classParameters.Concat(found).FirstOrDefault(p => Names.Same(p.Name, name)) is { } clash)
                    throw new UsageException(
                        $"Two parameters are both called '{name}': {clash.Member.DeclaringType?.Name}.{clash.Member.Name} and {component.Name}.{property.Name}.");
                found.Add(new ParameterDescriptor(name, property, property.PropertyType, attribute.Description, attribute.Separator));
            }
        return found;
    }
}
