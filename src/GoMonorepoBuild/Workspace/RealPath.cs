namespace GoMonorepoBuild.Workspace;

/// <summary>
/// An absolute path with every symbolic link in it resolved, as <c>realpath</c> does. git knows a repository by its real
/// path (libgit2 resolves links when it discovers one), so a folder reached through a link (a linked monorepo, a
/// linked build root) must be resolved before it is compared with the repository's folder, or the two look unrelated.
/// </summary>
public static class RealPath
{
    const int MaxLinkHops = 40; // as Linux's ELOOP limit

    /// <summary>The real path of <paramref name="path"/> (made absolute first); the path as given when links loop.</summary>
    public static string Of(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var parts = full.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = Path.GetPathRoot(full) ?? "/";
        for (var hops = 0; hops <= MaxLinkHops; hops++)
        {
            var restart = false;
            for (var i = 0; i < parts.Length; i++)
            {
                var next = Path.Combine(current, parts[i]);
                var link = new FileInfo(next).LinkTarget;
                if (link is null)
                {
                    current = next;
                    continue;
                }
                var target = Path.GetFullPath(link, current);
                parts = [.. target.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries), .. parts[(i + 1)..]];
                current = Path.GetPathRoot(target) ?? "/";
                restart = true;
                break;
            }
            if (!restart) return current;
        }
        return full;
    }
}
