using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// The git folder holding a directory, found as libgit2's <c>git_repository_discover</c> finds it (what
/// LibGit2Sharp's <c>Repository.Discover</c> asked before), without asking libgit2: that call hands its answer back in a
/// <c>git_buf</c>, which a Native AOT build does not copy back (libgit2/libgit2sharp#2187), so it found nothing there.
/// libgit2's rules, as far as they reach here (<c>find_repo_traverse</c>, libgit2 v1.8): from the directory's real path
/// upward, in each folder first its <c>.git</c> (a folder that is a repository, or a file <c>gitdir: &lt;path&gt;</c>,
/// relative to the file's folder, as linked worktrees and submodules have: the search ends at the first such file,
/// found or not), then the folder itself (a bare repository, or a start inside a git folder); the filesystem root is not
/// searched beyond the start. Like <c>Repository.Discover</c> it reads no environment (no <c>GIT_DIR</c>, no
/// <c>GIT_CEILING_DIRECTORIES</c>). Unlike it, it does not stop where the folders above cross into another
/// filesystem (libgit2 compares device numbers, which .NET does not expose).
/// </summary>
internal static class GitDirectoryDiscovery
{
    /// <summary>
    /// The git folder (absolute, below the directory's real path, with a trailing slash, as libgit2 gives it) of the
    /// repository holding <paramref name="directory"/>; null when it does not exist or no repository holds it. Throws
    /// when a <c>.git</c> file on the way is malformed, as libgit2 does.
    /// </summary>
    public static string? Find(string directory)
    {
        if (!Directory.Exists(directory)) return null;
        var start = RealPath.Of(directory);
        for (var folder = start; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (folder != start && Path.GetDirectoryName(folder) is null) return null; // the root, reached from below
            var dotGit = Path.Combine(folder, ".git");
            if (Directory.Exists(dotGit))
            {
                if (IsRepository(dotGit)) return WithSlash(dotGit);
            }
            else if (File.Exists(dotGit))
            {
                var linked = LinkedFolder(dotGit);
                return linked is not null && IsRepository(linked) ? WithSlash(linked) : null;
            }
            if (IsRepository(folder)) return WithSlash(folder);
        }
        return null;
    }

    /// <summary>
    /// The folder a <c>.git</c> file names (<c>gitdir: &lt;path&gt;</c>, relative to the file's folder), as a real path; null
    /// when it does not exist (libgit2 then finds no repository; a malformed file is an error).
    /// </summary>
    static string? LinkedFolder(string dotGitFile)
    {
        const string prefix = "gitdir:";
        var text = File.ReadAllText(dotGitFile).TrimEnd().Replace('\\', '/');
        if (text.Length <= prefix.Length || !text.StartsWith(prefix, StringComparison.Ordinal))
            throw new InvalidOperationException($"the `.git` file at '{dotGitFile}' is malformed (it does not start with '{prefix} <path>')");
        var linked = Path.GetFullPath(text[prefix.Length..].TrimStart(), Path.GetDirectoryName(dotGitFile)!);
        return Directory.Exists(linked) ? RealPath.Of(linked) : null;
    }

    /// <summary>
    /// libgit2's test of a git folder: a HEAD file in it, objects/ and refs/ folders in its common folder (the folder its
    /// <c>commondir</c> file names, relative to it: a linked worktree's git folder keeps them in the main one's).
    /// </summary>
    static bool IsRepository(string gitDir)
    {
        var common = CommonDirectory(gitDir);
        return File.Exists(Path.Combine(gitDir, "HEAD"))
               && Directory.Exists(Path.Combine(common, "objects"))
               && Directory.Exists(Path.Combine(common, "refs"));
    }

    /// <summary>
    /// The repository's common folder (objects, refs, config, info): the folder a linked worktree's git folder names in its
    /// <c>commondir</c> file (relative to it), else the git folder itself.
    /// </summary>
    internal static string CommonDirectory(string gitDir)
    {
        var pointer = Path.Combine(gitDir, "commondir");
        return File.Exists(pointer) ? Path.GetFullPath(File.ReadAllText(pointer).TrimEnd(), gitDir) : gitDir;
    }

    static string WithSlash(string path) => Path.EndsInDirectorySeparator(path) ? path : path + Path.DirectorySeparatorChar;
}
