using GoMonorepoBuild.Workspace.GoMod;

namespace GoMonorepoBuild.Workspace.Modules;

/// <summary>
/// Local replace targets in folders the tree walk skips (<c>testdata</c>, names starting with <c>_</c> or <c>.</c>) that
/// hold a go.mod: the go command builds such a module when a replace points at it (opentelemetry-collector replaces
/// <c>pdata/testdata</c>), so the model reads it too. Elsewhere those folders stay out, as in package patterns.
/// </summary>
internal static class HiddenReplaceTargets
{
    public static IReadOnlyList<string> Find(IEnumerable<GoModule> modules, GoWorkFile? work, MonorepoTree tree)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var module in modules)
            foreach (var replace in module.ModFile.Replaces.Where(r => r.IsLocal))
                Consider(module.Dir, replace.NewPath);
        foreach (var replace in work?.Replaces.Where(r => r.IsLocal) ?? [])
            Consider(".", replace.NewPath);
        return found.ToList();

        void Consider(string baseDir, string newPath)
        {
            if (newPath.StartsWith('/') || newPath.Length >= 2 && newPath[1] == ':') return;
            var dir = RepoPath.Resolve(baseDir, newPath);
            if (dir is null || dir == "." || tree.HasFile(dir, "go.mod")) return;
            if (!dir.Split('/').Any(s => s is "testdata" || s.StartsWith('.') || s.StartsWith('_'))) return;
            if (tree.IsRealFolder(dir) && File.Exists(Path.Combine(tree.FullPath(dir), "go.mod"))) found.Add(dir);
        }
    }
}
