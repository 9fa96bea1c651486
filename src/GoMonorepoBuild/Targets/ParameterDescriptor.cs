using System.Reflection;

namespace GoMonorepoBuild.Targets;

/// <summary>A <c>[Parameter]</c> field or property of the build class, with its command-line and environment spellings.</summary>
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
        // Base-class parameters first, each class's in source order.
        return [.. Enumerable.Reverse(perType).SelectMany(own => own)];
    }
}
