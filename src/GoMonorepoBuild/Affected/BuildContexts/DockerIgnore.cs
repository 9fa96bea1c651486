namespace GoMonorepoBuild.Affected;

/// <summary>
/// A .dockerignore file (the context's, or the <c>&lt;Dockerfile&gt;.dockerignore</c> that replaces it) and the
/// question BuildKit asks of it: is this file of the context sent to the builder? The last matching line wins, a
/// matched folder takes its subtree, and, as fsutil walks the context, an excluded folder is not even entered unless
/// a <c>!</c> line could reach into it.
/// </summary>
public sealed class DockerIgnore
{
    readonly bool onlyLiteralExceptions;

    DockerIgnore(string path, IReadOnlyList<DockerIgnorePattern> patterns)
    {
        Path = path;
        Patterns = patterns;
        onlyLiteralExceptions = patterns.Where(p => p.Negated).All(p => p.WithoutTrailingGlob().IndexOfAny(WildcardChars) < 0);
    }

    static readonly char[] WildcardChars = ['*', '[', ']', '?', '^', '\\'];

    /// <summary>The file, relative to the monorepo.</summary>
    public string Path { get; }

    public IReadOnlyList<DockerIgnorePattern> Patterns { get; }

    /// <summary>Reads the file's lines as BuildKit does (a UTF-8 BOM stripped); a bad line is an error naming the file and line.</summary>
    public static DockerIgnore Parse(string path, string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var patterns = new List<DockerIgnorePattern>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            try
            {
                if (DockerIgnorePattern.Parse(i + 1, lines[i]) is { } pattern) patterns.Add(pattern);
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"{path} line {i + 1}: {e.Message}; BuildKit refuses this file too. Fix or remove the line.", e);
            }
        }
        return new DockerIgnore(path, patterns);
    }

    /// <summary>
    /// The line that decides <paramref name="path"/> (relative to the context): an excluding line when the file is not
    /// sent, a <c>!</c> line when it is sent again after an earlier line excluded it, null when no line matches.
    /// </summary>
    public DockerIgnorePattern? Decide(string path)
    {
        // fsutil walks folder by folder: an excluded folder that no exception names as a prefix is skipped whole.
        if (onlyLiteralExceptions)
            for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
                if (Skipped(path[..slash]) is { } excluding) return excluding;
        return Last(path);
    }

    /// <summary>Whether BuildKit leaves <paramref name="path"/> (relative to the context) out of the context it sends.</summary>
    public bool Excludes(string path) => Decide(path) is { Negated: false };

    /// <summary>Whether a walk of the context must enter <paramref name="dir"/> (relative to the context) at all.</summary>
    public bool Enters(string dir) => !onlyLiteralExceptions || Skipped(dir) is null;

    /// <summary>The line excluding folder <paramref name="dir"/> when no exception names a path inside it, so fsutil skips it whole.</summary>
    DockerIgnorePattern? Skipped(string dir) =>
        Last(dir) is { Negated: false } excluding
        && !Patterns.Any(p => p.Negated && (p.WithoutTrailingGlob() + "/").StartsWith(dir + "/", StringComparison.Ordinal))
            ? excluding
            : null;

    /// <summary>patternmatcher's MatchesOrParentMatches, also telling which line decided.</summary>
    DockerIgnorePattern? Last(string path)
    {
        var excluded = false;
        DockerIgnorePattern? decided = null;
        foreach (var pattern in Patterns)
        {
            // An exclusion can only change an excluded file; an inclusion only a file not yet excluded.
            if (pattern.Negated != excluded) continue;
            if (!pattern.MatchesOrParentMatches(path)) continue;
            excluded = !pattern.Negated;
            decided = pattern;
        }
        return decided;
    }
}
