using System.Reflection;

namespace GoMonorepoBuild.Docs;

/// <summary>Types as a C# user writes them: <c>Task&lt;IReadOnlyList&lt;string&gt;&gt;</c>, <c>string?</c>, <c>int</c>.</summary>
internal static class CSharpNames
{
    static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(string)] = "string", [typeof(bool)] = "bool", [typeof(int)] = "int", [typeof(long)] = "long",
        [typeof(double)] = "double", [typeof(object)] = "object", [typeof(void)] = "void",
    };

    /// <summary>With the nullable annotations of a member's signature (<c>BuildReport?</c>), where known.</summary>
    public static string Of(NullabilityInfo nullability)
    {
        var type = nullability.Type;
        if (type.IsGenericType && Nullable.GetUnderlyingType(type) is null && nullability.GenericTypeArguments.Length > 0)
        {
            var name = type.Name[..type.Name.IndexOf('`')];
            return $"{name}<{string.Join(", ", nullability.GenericTypeArguments.Select(Of))}>" + Mark(nullability);
        }
        return Of(type) + Mark(nullability);
    }

    static string Mark(NullabilityInfo nullability) =>
        !nullability.Type.IsValueType && nullability.ReadState == NullabilityState.Nullable ? "?" : "";

    public static string Of(Type type)
    {
        if (Keywords.TryGetValue(type, out var keyword)) return keyword;
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Of(underlying) + "?";
        if (type.IsArray) return Of(type.GetElementType()!) + "[]";
        if (!type.IsGenericType) return type.Name;
        var name = type.Name[..type.Name.IndexOf('`')];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Of))}>";
    }
}
