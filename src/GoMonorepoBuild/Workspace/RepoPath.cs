namespace GoMonorepoBuild.Workspace;

/// <summary>
/// Paths inside the monorepo: relative to its root, forward slashes, "." for the root itself. Every path the model
/// exposes has this form so reports and the affected analysis can compare them as strings.
/// </summary>
public static class RepoPath
{
    public static string Combine(string dir, string name) => dir == "." ? name : name == "." ? dir : dir + "/" + name;

    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "." : path[..slash];
    }

    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>Resolves <paramref name="relative"/> against <paramref name="dir"/>; null when it leaves the root.</summary>
    public static string? Resolve(string dir, string relative)
    {
        var parts = new List<string>();
        if (dir != ".") parts.AddRange(dir.Split('/'));
        foreach (var segment in relative.Replace('\\', '/').Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(segment);
        }
        return parts.Count == 0 ? "." : string.Join('/', parts);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="dir"/> or lies below it.</summary>
    public static bool IsUnder(string path, string dir) =>
        dir == "." || path == dir || path.Length > dir.Length && path[dir.Length] == '/' && path.StartsWith(dir, StringComparison.Ordinal);

    public static string FromSystem(string root, string fullPath)
    {
        var relative = Path.GetRelativePath(root, fullPath).Replace('\\', '/');
        return relative.Length == 0 ? "." : relative;
    }
}
