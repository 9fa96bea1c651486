using System.Text.RegularExpressions;

namespace GoMonorepoBuild.Buildx;

/// <summary>
/// The Go tool's own error lines in a build log: the compiler's <c>file.go:line:col: message</c> and the go command's
/// <c>go: message</c>. buildx only says a step ended with "exit code: 1"; the first of these lines in the failed step's
/// output is what a reader needs. Log lines carry BuildKit's vertex number (<c>#12 ./main.go:3:15: undefined: x</c>),
/// which ties a line to the step that printed it.
/// </summary>
public static partial class GoErrorLine
{
    /// <summary>The vertex number and the Go error text of a log line, or null when it is not one.</summary>
    public static (int Vertex, string Text)? Parse(string logLine)
    {
        var match = Line().Match(logLine);
        if (!match.Success) return null;
        var text = match.Groups["text"].Value.TrimEnd();
        if (!CompilerError().IsMatch(text) && !(text.StartsWith("go: ", StringComparison.Ordinal) && !Progress().IsMatch(text)))
            return null;
        return (int.Parse(match.Groups["vertex"].Value), text);
    }

    /// <summary>The vertex number of a step's failure line (<c>#12 ERROR: ...</c>), or null.</summary>
    public static int? FailedVertex(string logLine) =>
        Failure().Match(logLine) is { Success: true } match ? int.Parse(match.Groups["vertex"].Value) : null;

    /// <summary>
    /// A compiler line with its file made relative to the monorepo, for a build that ran in
    /// <paramref name="workDir"/> (the monorepo's root in the image) after <c>cd</c> into <paramref name="moduleDir"/>:
    /// <c>./main.go:3:15: ...</c> in <c>services/hello</c> is <c>services/hello/main.go:3:15: ...</c>. Other text is returned as is.
    /// </summary>
    public static string InMonorepo(string text, string moduleDir, string workDir)
    {
        var match = CompilerError().Match(text);
        if (!match.Success) return text;
        var file = match.Groups["file"].Value;
        var root = "/" + workDir.Trim('/') + "/";
        var absolute = Path.GetFullPath(file.StartsWith('/') ? file : Path.Combine(root, moduleDir, file));
        if (!absolute.StartsWith(root, StringComparison.Ordinal)) return text;
        return absolute[root.Length..].Replace('\\', '/') + text[file.Length..];
    }

    // "#12 " then, with --progress=plain, the seconds since the step started.
    [GeneratedRegex(@"^#(?<vertex>\d+) (?:\d+\.\d+ )?(?<text>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Line();

    [GeneratedRegex(@"^(?<file>[^\s:]+\.go):\d+(?::\d+)?: \S", RegexOptions.CultureInvariant)]
    private static partial Regex CompilerError();

    // What go prints while it works, on success too.
    [GeneratedRegex(@"^go: (?:downloading|finding|extracting|found|added|upgraded|downgraded|removed) ", RegexOptions.CultureInvariant)]
    private static partial Regex Progress();

    [GeneratedRegex(@"^#(?<vertex>\d+) ERROR: ", RegexOptions.CultureInvariant)]
    private static partial Regex Failure();
}
