using GoMonorepoBuild.Targets;
using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// Which gitattributes files git would read for a folder could ask for a checkout conversion (a filter, ident,
/// working-tree-encoding, or an eol other than lf), read as text: asking <c>git check-attr</c> about every file of a
/// large tree (a third of <see cref="CleanCheckout"/>'s time on moby) is needed only for the files they reach (moby: one
/// vendored module's .gitattributes sets eol=crlf for .cmd and .bat files).
/// Any doubt answers yes and the caller asks git: a file that cannot be read, a quoted pattern, an attribute macro
/// (<c>[attr]</c>) that names a conversion. The files: the folder's own .gitattributes files (as the index lists them),
/// those of the folders above it, the repository's info/attributes, core.attributesFile (or its XDG default) and the
/// system file unless GIT_ATTR_NOSYSTEM is set.
/// </summary>
internal static class CheckoutAttributes
{
    static readonly string[] Converting = ["filter", "ident", "working-tree-encoding", "eol"];
    static readonly string[] SystemFiles = ["/etc/gitattributes", "/usr/etc/gitattributes", "/usr/local/etc/gitattributes", "/opt/homebrew/etc/gitattributes"];

    /// <param name="repo">The repository (for its folders).</param>
    /// <param name="config">Its configuration (<see cref="RunRepository.Config"/>).</param>
    /// <param name="folder">The folder, relative to the repository root.</param>
    /// <param name="inFolder">The .gitattributes files below the folder, relative to the repository root.</param>
    /// <returns>
    /// The folders (relative to the repository root, "." for all) whose files an attributes file might convert: a
    /// .gitattributes file reaches only the folder it sits in, the other files everything. Empty when none can.
    /// </returns>
    public static IReadOnlyList<string> MayConvert(Repository repo, Configuration config, string folder, IEnumerable<string> inFolder)
    {
        var workDir = repo.Info.WorkingDirectory;
        var files = new List<(string File, string Scope)>(inFolder.Select(p => (Path.Combine(workDir, p), Workspace.RepoPath.Parent(p))));
        for (var dir = folder; ; dir = Workspace.RepoPath.Parent(dir))
        {
            files.Add((Path.Combine(workDir, dir, ".gitattributes"), dir));
            if (dir == ".") break;
        }
        // A linked worktree keeps info/ in the repository's common folder.
        files.Add((Path.Combine(GitDirectoryDiscovery.CommonDirectory(repo.Info.Path), "info", "attributes"), "."));
        var home = ProcessEnvironment.Variable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (config.Get<string>("core.attributesFile")?.Value is { } configured)
            files.Add((configured.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, configured[2..]) : Path.GetFullPath(configured, workDir), "."));
        else
            files.Add((Path.Combine(ProcessEnvironment.Variable("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".config"), "git", "attributes"), "."));
        if (ProcessEnvironment.Variable("GIT_ATTR_NOSYSTEM") is not { Length: > 0 }) files.AddRange(SystemFiles.Select(f => (f, ".")));
        return files.DistinctBy(f => Path.GetFullPath(f.File)).Where(f => MayConvert(f.File)).Select(f => f.Scope)
            .Distinct(StringComparer.Ordinal).ToList();
    }

    // The git process reads the files its environment names (HOME, XDG_CONFIG_HOME), which is this process's.
    static bool MayConvert(string file)
    {
        string[] lines;
        try
        {
            if (!File.Exists(file)) return false;
            lines = File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '"') return true; // a quoted pattern may hold spaces: not worth splitting right
            var tokens = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var macro = tokens[0].StartsWith("[attr]", StringComparison.Ordinal);
            foreach (var token in tokens.Skip(1))
            {
                var unset = token[0] is '-' or '!';
                var name = token.TrimStart('-', '!').Split('=')[0];
                if (!Converting.Contains(name, StringComparer.Ordinal)) continue;
                // A macro can be set anywhere, by a name that says nothing: whatever it does to a conversion counts.
                if (macro) return true;
                if (unset || token == "eol=lf") continue;
                return true;
            }
        }
        return false;
    }
}
