namespace GoMonorepoBuild.Ci;

/// <summary>
/// A command line for a CI script step. Words with spaces or glob characters are double quoted, which keeps
/// <c>$VARIABLE</c> expansion (the generated steps rely on it) but stops the shell from expanding <c>services/*</c>
/// and from splitting an expanded variable.
/// </summary>
public static class ShellLine
{
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    static string Quote(string word) =>
        word.Length > 0 && !word.Any(c => char.IsWhiteSpace(c) || "$*?[]{}|&;<>()'\"`\\#~!".Contains(c))
            ? word
            : "\"" + word.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("`", "\\`") + "\"";
}
