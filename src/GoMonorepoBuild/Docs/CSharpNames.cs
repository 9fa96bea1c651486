namespace GoMonorepoBuild.Docs;

/// <summary>Types as a C# user writes them: <c>Task&lt;IReadOnlyList&lt;string&gt;&gt;</c>, <c>string?</c>, <c>int</c>.</summary>
internal static class CSharpNames
{
    static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(string)] = "string", [typeof(bool)] = "bool", [typeof(int)] = "int", [typeof(long)] = "long",
        [typeof(double)] = "double", [typeof(object)] = "object", [typeof(void)] = "void",
    };

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
