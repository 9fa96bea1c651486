using System.Text;

namespace GoMonorepoBuild.Ci;

/// <summary>
/// The text appended to <c>$GITHUB_OUTPUT</c> (or <c>$GITHUB_ENV</c>): <c>name=value</c> for one line, else the heredoc
/// form <c>name&lt;&lt;DELIMITER</c> ... <c>DELIMITER</c> with a delimiter the value does not contain.
/// </summary>
public static class GitHubOutputFile
{
    public static string Format(IEnumerable<KeyValuePair<string, string>> outputs, Func<string>? newDelimiter = null)
    {
        newDelimiter ??= () => "ghadelimiter_" + Guid.NewGuid().ToString("N");
        var text = new StringBuilder();
        foreach (var (name, value) in outputs)
        {
            if (name.Length == 0 || name.Contains('=') || name.Contains('<') || name.Any(char.IsControl))
                throw new ArgumentException($"'{name}' cannot be a GitHub output name: use letters, digits, '-' and '_'.", nameof(outputs));
            if (!value.Contains('\n') && !value.Contains('\r'))
            {
                text.Append(name).Append('=').Append(value).Append('\n');
                continue;
            }
            var delimiter = newDelimiter();
            if (value.Split('\n').Any(line => line.TrimEnd('\r') == delimiter))
                throw new InvalidOperationException($"The value of output '{name}' contains its delimiter line '{delimiter}'.");
            text.Append(name).Append("<<").Append(delimiter).Append('\n')
                .Append(value).Append(value.EndsWith('\n') ? "" : "\n")
                .Append(delimiter).Append('\n');
        }
        return text.ToString();
    }
}
