using System.Text;
using System.Text.RegularExpressions;

namespace GoMonorepoBuild.Affected;

/// <summary>
/// One line of a .dockerignore file, matched exactly as BuildKit's moby/patternmatcher matches it: anchored at the
/// context root, <c>*</c> and <c>?</c> never cross a '/', <c>**</c> spans any number of folders (none included),
/// <c>\</c> escapes, a trailing <c>**</c> is a prefix. Ported rather than approximated, because a different answer
/// here means a file counted as an input that the build never sees, or the reverse.
/// </summary>
public sealed class DockerIgnorePattern
{
    enum Kind { Exact, Prefix, Suffix, Regex }

    readonly Kind kind;
    readonly Regex? regex;

    DockerIgnorePattern(int line, string text, string pattern, bool negated)
    {
        Line = line;
        Text = text;
        Pattern = pattern;
        Negated = negated;
        (kind, regex) = Compile(pattern);
    }

    /// <summary>The 1-based line of the file it was read from.</summary>
    public int Line { get; }

    /// <summary>The line as written (trimmed).</summary>
    public string Text { get; }

    /// <summary>The cleaned pattern, without its leading '!'.</summary>
    public string Pattern { get; }

    /// <summary>A <c>!</c> line: what it matches is sent to the builder again.</summary>
    public bool Negated { get; }

    /// <summary>
    /// The pattern of a line, as moby/patternmatcher's ignorefile reads it; null for comments (a '#' in column 1),
    /// blank lines and <c>.</c>. Throws <see cref="FormatException"/> for a bare <c>!</c>, as BuildKit fails on it.
    /// </summary>
    public static DockerIgnorePattern? Parse(int line, string raw)
    {
        if (raw.StartsWith('#')) return null;
        var text = raw.Trim();
        if (text.Length == 0) return null;
        var negated = text[0] == '!';
        var pattern = negated ? text[1..].Trim() : text;
        if (negated && pattern.Length == 0) throw new FormatException("illegal exclusion pattern: \"!\"");
        pattern = CleanPath(pattern);
        if (pattern.Length > 1 && pattern[0] == '/') pattern = pattern[1..];
        if (pattern == ".") return null; // Never matches a file of the context: the whole context cannot be ignored.
        return new DockerIgnorePattern(line, text, pattern, negated);
    }

    /// <summary>Whether the pattern matches <paramref name="path"/> itself (relative to the context, '/'-separated).</summary>
    public bool Matches(string path) => kind switch
    {
        Kind.Exact => path == Pattern,
        Kind.Prefix => path.StartsWith(Pattern[..^2], StringComparison.Ordinal),
        Kind.Suffix => path.EndsWith(Pattern[2..], StringComparison.Ordinal)
                       || (Pattern.Length > 2 && Pattern[2] == '/' && path == Pattern[3..]),
        _ => regex!.IsMatch(path),
    };

    /// <summary>The pattern or one of <paramref name="path"/>'s parent folders matches (a matched folder takes its subtree).</summary>
    public bool MatchesOrParentMatches(string path)
    {
        if (Matches(path)) return true;
        for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
            if (Matches(path[..slash])) return true;
        return false;
    }

    /// <summary>
    /// The pattern with a trailing <c>/**</c> or <c>/*</c> cut, as fsutil compares it with a folder to decide whether
    /// an excluded folder must still be walked for this exception.
    /// </summary>
    internal string WithoutTrailingGlob()
    {
        var text = Pattern;
        if (text.EndsWith("/**", StringComparison.Ordinal)) text = text[..^3];
        if (text.EndsWith("/*", StringComparison.Ordinal)) text = text[..^2];
        return text;
    }

    public override string ToString() => Text;

    /// <summary>Go's <c>filepath.Clean</c> on a '/'-separated path.</summary>
    internal static string CleanPath(string path)
    {
        if (path.Length == 0) return ".";
        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
                else if (!rooted) parts.Add("..");
                continue;
            }
            parts.Add(part);
        }
        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    /// <summary>patternmatcher's <c>compile</c>: the cheapest match kind that is exact for the pattern.</summary>
    static (Kind, Regex?) Compile(string pattern)
    {
        var text = new StringBuilder("^");
        var kind = Kind.Exact;
        for (int i = 0, scanned = 0; i < pattern.Length; i++, scanned++)
        {
            var ch = pattern[i];
            if (ch == '*')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/') i++;
                    if (i + 1 >= pattern.Length)
                    {
                        if (kind == Kind.Exact) kind = Kind.Prefix;
                        else
                        {
                            text.Append(".*");
                            kind = Kind.Regex;
                        }
                    }
                    else
                    {
                        text.Append("(.*/)?");
                        kind = Kind.Regex;
                    }
                    if (scanned == 0) kind = Kind.Suffix;
                }
                else
                {
                    text.Append("[^/]*");
                    kind = Kind.Regex;
                }
            }
            else if (ch == '?')
            {
                text.Append("[^/]");
                kind = Kind.Regex;
            }
            else if (".+()|{}$".Contains(ch)) text.Append('\\').Append(ch);
            else if (ch == '\\')
            {
                if (i + 1 < pattern.Length)
                {
                    text.Append('\\').Append(pattern[++i]);
                    kind = Kind.Regex;
                }
                else text.Append(@"\\");
            }
            else if (ch is '[' or ']')
            {
                text.Append(ch);
                kind = Kind.Regex;
            }
            else text.Append(ch);
        }
        if (kind != Kind.Regex) return (kind, null);
        try
        {
            return (kind, new Regex(text.Append('$').ToString(), RegexOptions.CultureInvariant));
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"'{pattern}' is not a valid pattern ({e.Message})", e);
        }
    }
}
