using System.Globalization;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// Turns the words a parameter was given into its type: string, bool, int, long, double, TimeSpan, enums (case-insensitive,
/// dashes ignored), arrays of these and nullable variants. Failures name the value and the expected type.
/// </summary>
internal static class ValueConverter
{
    public static object? Convert(IReadOnlyList<string> values, Type type, char separator, Func<string, string> describeProblem)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsArray)
        {
            var elementType = underlying.GetElementType()!;
            var items = values.SelectMany(v => v.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToList();
            var array = Array.CreateInstanceFromArrayType(underlying, items.Count);
            for (var i = 0; i < items.Count; i++)
                array.SetValue(ConvertOne(items[i], elementType, describeProblem), i);
            return array;
        }

        if (values.Count == 0 && underlying == typeof(bool))
            return true;
        if (values.Count != 1)
            throw new UsageException(describeProblem(values.Count == 0
                ? $"needs a value ({Describe(type)})"
                : $"takes one value but got {values.Count}: {string.Join(' ', values)} (targets go before options)"));
        return ConvertOne(values[0], underlying, describeProblem);
    }

    static object ConvertOne(string value, Type type, Func<string, string> describeProblem)
    {
        var invariant = CultureInfo.InvariantCulture;
        object? result = type switch
        {
            _ when type == typeof(string) => value,
            _ when type == typeof(bool) => ParseBool(value),
            _ when type == typeof(int) => int.TryParse(value, NumberStyles.Integer, invariant, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(value, NumberStyles.Integer, invariant, out var l) ? l : null,
            _ when type == typeof(double) => double.TryParse(value, NumberStyles.Float, invariant, out var d) ? d : null,
            _ when type == typeof(TimeSpan) => ParseDuration(value),
            _ when type.IsEnum => Enum.GetNames(type).FirstOrDefault(n => Names.Same(n, value)) is { } name ? Enum.Parse(type, name) : null,
            _ => throw new UsageException(describeProblem($"has type {type.Name}, which parameters do not support")),
        };
        return result ?? throw new UsageException(describeProblem($"'{value}' is not {Describe(type)}"));
    }

    static object? ParseBool(string value) => value.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => null,
    };

    /// <summary><c>00:05:00</c>, or a number with a unit: <c>500ms</c>, <c>90s</c>, <c>5m</c>, <c>2h</c>.</summary>
    static object? ParseDuration(string value)
    {
        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && value.Contains(':'))
            return span;
        (string Suffix, Func<double, TimeSpan> Make)[] units =
            [("ms", TimeSpan.FromMilliseconds), ("s", TimeSpan.FromSeconds), ("m", TimeSpan.FromMinutes), ("h", TimeSpan.FromHours)];
        foreach (var (suffix, make) in units)
            if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) &&
                double.TryParse(value[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
                return make(amount);
        return null;
    }

    /// <summary>The expected type in words, for errors and <c>--help</c>.</summary>
    public static string Describe(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsArray) return "a list, each " + Describe(underlying.GetElementType()!);
        if (underlying.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(underlying));
        return underlying switch
        {
            _ when underlying == typeof(bool) => "true or false",
            _ when underlying == typeof(int) || underlying == typeof(long) => "an integer",
            _ when underlying == typeof(double) => "a number",
            _ when underlying == typeof(TimeSpan) => "a duration (00:05:00, 90s, 5m)",
            _ => "a string",
        };
    }
}
