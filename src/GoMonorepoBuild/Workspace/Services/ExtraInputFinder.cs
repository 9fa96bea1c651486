namespace GoMonorepoBuild.Workspace.Services;

/// <summary>
/// Lists the files a service's extra-input globs match, through <see cref="MonorepoFiles"/>: folders reached through a
/// symbolic link are never walked and <c>.git</c> folders are never inputs. A linked file is listed (it is read through
/// the link, like a linked .go file), so one leading out of the monorepo fails where it is hashed or staged, naming it,
/// instead of silently missing from the image. A glob that matches nothing is a warning naming the service and the glob.
/// </summary>
internal static class ExtraInputFinder
{
    public static ExtraInputs Find(MonorepoFiles files, GoService service, IReadOnlyList<string> globTexts, Action<string>? warn)
    {
        if (globTexts.Count == 0) return ExtraInputs.None;
        var globs = globTexts.Select(text => ExtraInputGlob.Parse(text, service.Path)).ToList();
        var found = new SortedDictionary<string, ExtraInputFile>(StringComparer.Ordinal);
        foreach (var glob in globs)
        {
            var matched = 0;
            foreach (var path in Candidates(files, glob).Where(glob.Matches))
            {
                matched++;
                // The first glob that matches a file decides where it goes (and names it in the reasons).
                found.TryAdd(path, new ExtraInputFile(path, glob.TargetOf(path), glob));
            }
            if (matched == 0)
                warn?.Invoke($"service {service.Name}: the extra input '{glob.Text}' (gomonorepobuild.json) matches no file " +
                             $"{(glob.IsMonorepoRelative ? "in the monorepo" : $"in {service.Path}")}; " +
                             (NamesFolder(files, glob) ? $"'{glob.Text}' is a folder: write '{glob.Text.TrimEnd('/')}/**' for the files below it" : "fix the glob or remove it"));
        }
        return new ExtraInputs(globs, found.Values.ToList());
    }

    /// <summary>The regular files and file links below the glob's walk root, as deep as the glob can reach.</summary>
    private static List<string> Candidates(MonorepoFiles files, ExtraInputGlob glob)
    {
        var result = new List<string>();
        var root = glob.WalkRoot;
        EntryKind kind;
        try { kind = files.KindOfTarget(root); }
        catch (Exception e) when (e is OutsideMonorepoException or IOException) { return result; }
        if (kind != EntryKind.Directory) return result;
        var maxDepth = glob.MaxDepthBelowWalkRoot;
        Walk(root, 0);
        return result;

        void Walk(string dir, int depth)
        {
            foreach (var (name, entryKind) in files.List(dir))
            {
                var path = RepoPath.Combine(dir, name);
                switch (entryKind)
                {
                    case EntryKind.File:
                        result.Add(path);
                        break;
                    case EntryKind.Link when IsFileLink(files, path):
                        result.Add(path);
                        break;
                    case EntryKind.Directory when name != ".git" && (maxDepth is null || depth < maxDepth):
                        Walk(path, depth + 1);
                        break;
                }
            }
        }
    }

    /// <summary>Whether a glob without wildcards names a folder (the user meant the files below it).</summary>
    private static bool NamesFolder(MonorepoFiles files, ExtraInputGlob glob)
    {
        if (glob.Pattern.Contains('*')) return false;
        try { return files.KindOfTarget(RepoPath.Combine(glob.BaseDir, glob.Pattern.TrimEnd('/'))) == EntryKind.Directory && !glob.Pattern.EndsWith('/'); }
        catch (Exception e) when (e is OutsideMonorepoException or IOException) { return false; }
    }

    /// <summary>A link to a file; one leading out of the monorepo counts too, so that using it fails naming it.</summary>
    private static bool IsFileLink(MonorepoFiles files, string path)
    {
        try { return files.KindOfTarget(path) == EntryKind.File; }
        catch (OutsideMonorepoException) { return true; }
        catch (IOException) { return false; }
    }
}
