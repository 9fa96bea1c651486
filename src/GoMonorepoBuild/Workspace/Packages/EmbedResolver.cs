using System.Text.RegularExpressions;

namespace GoMonorepoBuild.Workspace.Packages;

/// <summary>
/// Resolves //go:embed patterns to files the way cmd/go does: each pattern is matched element by element from the
/// package folder; a matched folder embeds its files recursively, leaving out names starting with "." or "_" (unless
/// the pattern has the all: prefix) and folders of other modules. A pattern matching nothing is an error, as in go build.
/// </summary>
internal static class EmbedResolver
{
    public static IReadOnlyList<string> Resolve(string root, string packageDir, EmbedPattern embed, string goFile)
    {
        var all = embed.Pattern.StartsWith("all:", StringComparison.Ordinal);
        var pattern = all ? embed.Pattern[4..] : embed.Pattern;
        WorkspaceException Fail(string reason) => new($"//go:embed {embed.Pattern}: {reason}", goFile, embed.Line, 1);

        var elements = pattern.Split('/');
        if (pattern.Length == 0 || pattern.StartsWith('/') || pattern.Contains('\\') || elements.Any(e => e is "" or "." or ".."))
            throw Fail("invalid pattern: it must be a relative path without '.' or '..' elements");
        var packageFull = packageDir == "." ? root : Path.Combine(root, packageDir);
        var current = new List<string> { packageFull };
        foreach (var element in elements)
        {
            Regex glob;
            try
            {
                glob = GoGlob.Compile(element);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw Fail($"invalid pattern: {e.Message}");
            }
            var next = new List<string>();
            foreach (var dir in current.Where(Directory.Exists))
                next.AddRange(Directory.EnumerateFileSystemEntries(dir).Where(entry => glob.IsMatch(Path.GetFileName(entry))));
            current = next;
        }
        if (current.Count == 0) throw Fail("no matching files found");
        var files = new List<string>();
        foreach (var match in current)
        {
            if (File.Exists(match)) { files.Add(match); continue; }
            if (File.Exists(Path.Combine(match, "go.mod")))
                throw Fail($"cannot embed folder {RepoPath.FromSystem(root, match)}: it belongs to another module");
            var before = files.Count;
            AddTree(match, all, files);
            if (files.Count == before) throw Fail($"cannot embed folder {RepoPath.FromSystem(root, match)}: it contains no embeddable files");
        }
        return files.Select(f => RepoPath.FromSystem(root, f)).ToList();
    }

    private static void AddTree(string dir, bool all, List<string> files)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(dir).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            if (!all && (name.StartsWith('.') || name.StartsWith('_'))) continue;
            if (File.Exists(entry)) files.Add(entry);
            else if (!File.Exists(Path.Combine(entry, "go.mod")) && !new DirectoryInfo(entry).Attributes.HasFlag(FileAttributes.ReparsePoint))
                AddTree(entry, all, files);
        }
    }
}
