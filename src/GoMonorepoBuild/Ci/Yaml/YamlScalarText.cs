using System.Text;
using System.Text.RegularExpressions;

namespace GoMonorepoBuild.Ci.Yaml;

/// <summary>
/// How a string is written: plain when every YAML 1.1 and 1.2 reader takes it back as the same string, else single
/// quoted, else (control characters) double quoted with escapes.
/// </summary>
public static partial class YamlScalarText
{
    // Words YAML 1.1 readers (GitHub's among them for values) turn into booleans or null.
    static readonly HashSet<string> Special = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    public static string Value(string value, bool inFlow = false) =>
        IsPlainSafe(value, inFlow) && !Special.Contains(value) && !LooksNumeric().IsMatch(value) ? value : Quote(value);

    /// <summary>A mapping key: like a value, but <c>on</c> (the GitHub trigger key) stays plain.</summary>
    public static string Key(string key) => IsPlainSafe(key, inFlow: false) ? key : Quote(key);

    static bool IsPlainSafe(string value, bool inFlow)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])) return false;
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(value[0])) return false;
        if (value.Contains(": ") || value.Contains(" #") || value.EndsWith(':')) return false;
        if (inFlow && value.IndexOfAny([',', '[', ']', '{', '}']) >= 0) return false;
        return value.All(c => !char.IsControl(c));
    }

    static string Quote(string value)
    {
        if (value.All(c => !char.IsControl(c))) return "'" + value.Replace("'", "''") + "'";
        var text = new StringBuilder("\"");
        foreach (var c in value)
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        return text.Append('"').ToString();
    }

    [GeneratedRegex(@"^[-+]?(\.?[0-9][0-9_.eE+-]*|0x[0-9a-fA-F_]+|0o[0-7_]+|\.inf|\.nan)$", RegexOptions.IgnoreCase)]
    private static partial Regex LooksNumeric();
}
