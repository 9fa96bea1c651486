using Microsoft.Extensions.FileSystemGlobbing;

namespace GoMonorepoBuild.Workspace.Services;

/// <summary>
/// One glob of a service's <c>"extraInputs"</c> (gomonorepobuild.json): files the binary reads at run time (templates,
/// static assets, config). Relative to the service folder (<c>templates/**</c>), or to the monorepo root with a
/// leading '/' (<c>/config/shared/**</c>). <c>*</c> matches within a path segment and <c>**</c> across segments
/// (Microsoft.Extensions.FileSystemGlobbing); a trailing '/' means everything below that folder. A file keeps its path
/// relative to <see cref="BaseDir"/> in the image (<see cref="TargetOf"/>).
/// </summary>
public sealed class ExtraInputGlob
{
    private readonly Matcher matcher;

    private ExtraInputGlob(string text, string baseDir, string pattern)
    {
        Text = text;
        BaseDir = baseDir;
        Pattern = pattern;
        matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(pattern);
    }

    /// <summary>The glob as the user wrote it, e.g. <c>templates/**</c>.</summary>
    public string Text { get; }

    /// <summary>The folder the pattern is relative to: the service folder, or "." for a glob with a leading '/'.</summary>
    public string BaseDir { get; }

    /// <summary>The pattern relative to <see cref="BaseDir"/>.</summary>
    public string Pattern { get; }

    /// <summary>Whether the glob is monorepo-relative (written with a leading '/').</summary>
    public bool IsMonorepoRelative => Text.StartsWith('/');

    /// <summary>
    /// The folder below which every match lies (the pattern's segments before the first wildcard), relative to the
    /// monorepo root, so listing need not walk the whole service folder.
    /// </summary>
    public string WalkRoot
    {
        get
        {
            var segments = Pattern.TrimEnd('/').Split('/');
            var literal = segments.TakeWhile(s => !s.Contains('*')).ToList();
            // A fully literal pattern names a file (or, with a trailing '/', a folder walked whole).
            if (literal.Count == segments.Length && !Pattern.EndsWith('/')) literal.RemoveAt(literal.Count - 1);
            return literal.Aggregate(BaseDir, RepoPath.Combine);
        }
    }

    /// <summary>The deepest folder level below <see cref="WalkRoot"/> a match can lie at; null when unbounded (<c>**</c> or a trailing '/').</summary>
    internal int? MaxDepthBelowWalkRoot
    {
        get
        {
            if (Pattern.Contains("**", StringComparison.Ordinal) || Pattern.EndsWith('/')) return null;
            var segments = Pattern.Split('/');
            var literal = segments.TakeWhile(s => !s.Contains('*')).Count();
            return Math.Max(0, segments.Length - Math.Min(literal, segments.Length - 1) - 1);
        }
    }

    /// <summary>A glob of the service at <paramref name="serviceDir"/>; throws <see cref="ArgumentException"/> saying what is wrong with it.</summary>
    public static ExtraInputGlob Parse(string text, string serviceDir)
    {
        Validate(text);
        return text.StartsWith('/') ? new ExtraInputGlob(text, ".", text[1..]) : new ExtraInputGlob(text, serviceDir, text);
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="text"/> cannot be an extra-input glob.</summary>
    public static void Validate(string text)
    {
        var pattern = text.StartsWith('/') ? text[1..] : text;
        string? problem =
            string.IsNullOrWhiteSpace(pattern) ? "is empty; name files, e.g. \"templates/**\""
            : pattern.Contains('\\') ? "uses '\\'; use '/' as the separator"
            : pattern.StartsWith('/') ? "starts with '//'; one leading '/' makes a glob relative to the monorepo root"
            : pattern.StartsWith('!') ? "starts with '!'; exclusions are not supported, narrow the glob instead (e.g. \"static/**/*.css\")"
            : pattern.TrimEnd('/').Split('/').Any(s => s is "" or "." or "..")
                ? "has an empty, '.' or '..' segment; a leading '/' makes a glob relative to the monorepo root instead of climbing out of the service folder"
            : null;
        if (problem is not null) throw new ArgumentException($"the extra input \"{text}\" {problem}.");
    }

    /// <summary>Whether the monorepo-relative <paramref name="path"/> matches (by pattern only: the file need not exist).</summary>
    public bool Matches(string path) => RelativePath(path) is { } relative && matcher.Match("/", relative).HasMatches;

    /// <summary>Where a matched file goes, relative to the image's extra-inputs folder: its path relative to <see cref="BaseDir"/>.</summary>
    public string TargetOf(string path) => RelativePath(path) ?? throw new ArgumentException($"{path} is not below {BaseDir}.");

    private string? RelativePath(string path) =>
        BaseDir == "." ? path : RepoPath.IsUnder(path, BaseDir) && path != BaseDir ? path[(BaseDir.Length + 1)..] : null;

    public override string ToString() => Text;
}
