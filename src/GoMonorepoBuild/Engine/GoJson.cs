using System.Text;

namespace GoMonorepoBuild.Engine;

/// <summary>
/// JSON as Go's encoding/json writes it (the docker CLI's <c>{{json}}</c>): a nil list is <c>null</c>, and besides
/// quotes, backslashes and control characters (\b and \f by name, as since Go 1.22) it escapes &lt;, &gt;, &amp;, U+2028 and U+2029. Texts once produced by the CLI
/// are reproduced by the API client without it.
/// </summary>
internal static class GoJson
{
    public static string Array(IReadOnlyList<string>? items) =>
        items is null ? "null" : "[" + string.Join(',', items.Select(String)) + "]";

    public static string String(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var c in text)
            json.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return json.Append('"').ToString();
    }
}
