using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// A submodule pointer (gitlink) that moved between the base and the head is a change of every file the submodule brings
/// in: the submodule's own two commits are diffed when its repository holds both; when it lacks the old one (not fetched
/// that far), every file of the new one counts as changed, and a note says why. Paths are the parent's (the submodule's
/// folder + the file's path in it).
/// </summary>
public static class SubmoduleChanges
{
    /// <summary>
    /// The files behind the gitlink at <paramref name="path"/> of <paramref name="repo"/>, which went from
    /// <paramref name="oldCommit"/> to <paramref name="newCommit"/> (null: no submodule on that side); null when the
    /// submodule's repository is not here (not initialised), so only the pointer itself can be reported.
    /// </summary>
    public static IReadOnlyList<ChangedFile>? Expand(Repository repo, string path, ObjectId? oldCommit, ObjectId? newCommit, ICollection<string> notes)
    {
        if (Open(repo, path) is not { } sub)
        {
            notes.Add($"submodule '{path}' moved ({Short(oldCommit)} → {Short(newCommit)}) but is not initialised here, so its files cannot be listed: " +
                      $"run `git submodule update --init {path}` for a per-file answer (the folder itself counts as changed)");
            return null;
        }
        using (sub)
        {
            var before = oldCommit is null ? null : sub.Lookup<Commit>(oldCommit);
            var after = newCommit is null ? null : sub.Lookup<Commit>(newCommit);
            var files = new List<ChangedFile>();
            if (before is not null && after is not null)
            {
                using var diff = sub.Diff.Compare<TreeChanges>(before.Tree, after.Tree, new CompareOptions { Similarity = SimilarityOptions.Renames });
                foreach (var change in diff)
                    files.Add(change.Status switch
                    {
                        LibGit2Sharp.ChangeKind.Added or LibGit2Sharp.ChangeKind.Copied => ChangedFile.Added(Join(path, change.Path)),
                        LibGit2Sharp.ChangeKind.Deleted => ChangedFile.Deleted(Join(path, change.OldPath)),
                        LibGit2Sharp.ChangeKind.Renamed => ChangedFile.Renamed(Join(path, change.OldPath), Join(path, change.Path)),
                        _ => ChangedFile.Modified(Join(path, change.Path)),
                    });
                return files;
            }
            if ((after ?? before) is { } held)
            {
                // One side is held: its files are the change. The other is absent (null: no submodule on that side).
                var absent = after is null ? newCommit : oldCommit;
                if (absent is not null)
                    notes.Add($"submodule '{path}' moved {(after is null ? "to" : "from")} {Short(absent)}, which its repository does not hold, " +
                              $"so every file of {Short(held.Id)} counts as changed: run `git -C {path} fetch` for a per-file answer");
                Func<string, ChangedFile> kind = absent is not null ? ChangedFile.Modified : after is null ? ChangedFile.Deleted : ChangedFile.Added;
                files.AddRange(Files(held.Tree, path).Select(kind));
                return files;
            }
            notes.Add($"submodule '{path}' moved ({Short(oldCommit)} → {Short(newCommit)}), but its repository holds neither commit: " +
                      $"run `git submodule update --init {path}` for a per-file answer (the folder itself counts as changed)");
            return null;
        }
    }

    /// <summary>The submodule's repository: its checked-out folder, else the parent's <c>.git/modules/&lt;path&gt;</c>.</summary>
    static Repository? Open(Repository repo, string path)
    {
        foreach (var candidate in new[] { Path.Combine(repo.Info.WorkingDirectory ?? "", path), Path.Combine(repo.Info.Path, "modules", path) })
            if (Repository.IsValid(candidate))
                return new Repository(candidate);
        return null;
    }

    static IEnumerable<string> Files(Tree tree, string prefix)
    {
        foreach (var entry in tree)
        {
            var path = Join(prefix, entry.Name);
            if (entry.TargetType == TreeEntryTargetType.Tree)
                foreach (var inner in Files((Tree)entry.Target, path)) yield return inner;
            else if (entry.TargetType == TreeEntryTargetType.Blob) yield return path;
        }
    }

    static string Join(string folder, string path) => folder + "/" + path.Replace('\\', '/');

    static string Short(ObjectId? id) => id is null ? "none" : id.Sha[..12];
}
