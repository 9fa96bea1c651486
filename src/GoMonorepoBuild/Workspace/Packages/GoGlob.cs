using System.Text;
using System.Text.RegularExpressions;

namespace GoMonorepoBuild.Workspace.Packages;

/// <summary>Go's path.Match for one path element: *, ?, [class] with ^ negation and ranges, \ escapes.</summary>
internal static class GoGlob
{
    public static Regex Compile(string element)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < element.Length; i++)
        {
            var c = element[i];
            switch (c)
            {
                case '*': regex.Append("[^/]*"); break;
                case '?': regex.Append("[^/]"); break;
                case '\\':
                    if (++i >= element.Length) throw new FormatException("trailing backslash");
                    regex.Append(Regex.Escape(element[i].ToString()));
                    break;
                case '[':
                    var end = element.IndexOf(']', i + 2);
                    if (end < 0) throw new FormatException("unclosed [");
                    var body = element[(i + 1)..end];
                    var negate = body.StartsWith('^');
                    if (negate) body = body[1..];
                    if (body.Length == 0) throw new FormatException("empty character class");
                    regex.Append('[').Append(negate ? "^" : "").Append(body.Replace("\\", "\\\\").Replace("[", "\\[")).Append(']');
                    i = end;
                    break;
                default: regex.Append(Regex.Escape(c.ToString())); break;
            }
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
