using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Cache;
using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// Keys to the parse cache for the working tree (issue 19 goal 4: at 498 services reading every .go file was a quarter of
/// the model load): a file git's index lists and git finds unmodified has the index's blob id as its key; any other file
/// is read (the cache then keys it by the bytes read). "Unmodified" is git's own answer, <c>git diff-files</c> against
/// <c>git ls-files --stage</c>: it compares stat information and, for an entry written within the index's timestamp
/// granularity (racy git), the content; a stat-dirty file it lists as modified, which only costs a read.
/// No key where the index's id may not be the file's bytes: an entry marked assume-unchanged or skip-worktree (git does
/// not look at the file), a conflicted or non-regular entry, a configured line-ending conversion (core.autocrlf,
/// core.eol=crlf), or a folder an attributes file could convert (<see cref="CheckoutAttributes"/>). What is left is a
/// race with an edit made after git looked and before the model reads the file, as with the index digests.
/// </summary>
internal sealed class WorkTreeKeys : IContentKeys
{
    readonly Dictionary<string, string> files;

    WorkTreeKeys(Dictionary<string, string> files) => this.files = files;

    /// <summary>Keys that know nothing: every file is read.</summary>
    public static readonly WorkTreeKeys None = new(new(StringComparer.Ordinal));

    /// <summary>
    /// The keys of the monorepo folder <paramref name="monorepoDirectory"/> in the run's <paramref name="repository"/>;
    /// <see cref="None"/> outside git, for a bare repository, or when git fails. A sparse checkout needs no exception: the
    /// entries it leaves out are skip-worktree (or a sparse index's folder entries), so they have no key.
    /// </summary>
    public static async Task<WorkTreeKeys> ReadAsync(RunRepository repository, string monorepoDirectory, CancellationToken cancellationToken,
        Tool? git = null)
    {
        if (!repository.Exists || repository.WorkingDirectory is not { } workingDirectory) return None;
        var prefix = RepoPath.FromSystem(workingDirectory, RealPath.Of(monorepoDirectory));
        if (prefix.StartsWith("..", StringComparison.Ordinal) || repository.Use(Converts)) return None;
        git = (git ?? Tool.Named("git")).WithWorkingDirectory(workingDirectory);
        var listed = git.TryRunAsync(["ls-files", "--stage", "-v", "-z", "--", prefix], cancellationToken);
        var modified = git.TryRunAsync(["diff-files", "--name-only", "-z", "--", prefix], cancellationToken);
        if (await listed is not { ExitCode: 0 } list || await modified is not { ExitCode: 0 } changed) return None;
        var unmodified = Unmodified(list.StandardOutput, changed.StandardOutput);
        var attributeFiles = unmodified.Keys.Where(p => p == ".gitattributes" || p.EndsWith("/.gitattributes", StringComparison.Ordinal)).ToList();
        var scopes = repository.Use(repo => CheckoutAttributes.MayConvert(repo, prefix, attributeFiles));
        var start = prefix == "." ? "" : prefix + "/";
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, id) in unmodified)
            if (path.StartsWith(start, StringComparison.Ordinal) && !scopes.Any(s => RepoPath.IsUnder(path, s)))
                files[path[start.Length..]] = id;
        return new WorkTreeKeys(files);
    }

    /// <summary>
    /// The regular files (paths relative to the repository root) with their blob ids that the index holds at stage 0
    /// with no flag telling git to skip the file (<c>ls-files --stage -v -z</c>: "H" is a plain entry; lowercase is
    /// assume-unchanged, "S" skip-worktree), less the paths <c>diff-files --name-only -z</c> lists.
    /// </summary>
    internal static Dictionary<string, string> Unmodified(string listed, string modified)
    {
        var changed = modified.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in listed.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<tag> <mode> <object> <stage>\t<path>"
            var tab = entry.IndexOf('\t');
            if (tab < 0) continue;
            var fields = entry[..tab].Split(' ');
            var path = entry[(tab + 1)..];
            if (fields is not ["H", "100644" or "100755", var id, "0"] || changed.Contains(path)) continue;
            files[path] = id;
        }
        // A path listed twice (conflict stages) is not a stage-0 entry: it never reached the loop above as one.
        return files;
    }

    /// <summary>Whether the configuration converts line endings between the index and the working files.</summary>
    static bool Converts(Repository repo)
    {
        var config = repo.Config;
        if (config.Get<string>("core.autocrlf")?.Value is { } autocrlf && !autocrlf.Equals("false", StringComparison.OrdinalIgnoreCase)) return true;
        return config.Get<string>("core.eol")?.Value is { } eol && eol.Equals("crlf", StringComparison.OrdinalIgnoreCase);
    }

    public string? FileId(string path) => files.GetValueOrDefault(path);

    /// <summary>Unknown: the index does not list untracked files, so a folder's listing comes from the disk.</summary>
    public IReadOnlyList<ContentEntry>? Listing(string dir) => null;

    public string IdOf(ReadOnlySpan<byte> content) => IndexContents.Empty.IdOf(content);
}
