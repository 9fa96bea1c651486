using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Workspace;
using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// Whether a folder of the working tree holds exactly the files of a commit, byte for byte, so the workspace model can be
/// read from it instead of from a revision copy of the commit (issue 17: with <c>--head</c> the checked-out commit, as in
/// CI, writing a copy of an 18,000-file tree cost more than the whole rest of the analysis). Every doubt answers no, and
/// the caller writes the copy as before:
/// <list type="bullet">
/// <item>HEAD must be that commit, and git must report nothing under the folder: no staged, unstaged or untracked file,
/// no ignored one either (the model of a folder sees files git ignores, a copy of the commit does not); the build's own
/// output folders (.nuke/temp) are left out of the question, as they are of every analysis;</item>
/// <item>no checked-out submodule below the folder (its files are in the folder, not in the commit's tree; one never
/// initialised is an empty folder, as in a copy);</item>
/// <item>no checkout conversion that makes a file the model reads (<see cref="GoInputFiles.IsReadByModel"/>) differ from its blob: a <c>filter</c>, <c>ident</c> or
/// <c>working-tree-encoding</c> attribute, <c>eol=crlf</c>, <c>core.autocrlf=true</c>, <c>core.eol=crlf</c>, or
/// <c>core.symlinks=false</c> (links written as plain files); git is asked file by file only when an attributes file
/// could name such a conversion (<see cref="CheckoutAttributes"/>).</item>
/// </list>
/// A sparse checkout is the caller's to rule out (<see cref="SparseCheckout"/>).
/// </summary>
public static class CleanCheckout
{
    static readonly string[] ConversionAttributes = ["filter", "ident", "working-tree-encoding", "eol"];

    /// <param name="workingDirectory">The repository's working directory.</param>
    /// <param name="folder">The folder, relative to the repository root ("." for all of it).</param>
    /// <param name="sha">The commit the folder should hold.</param>
    /// <param name="excluded">Folders (relative to the repository root) whose files are the build's own output.</param>
    /// <param name="cancellationToken">Stops the git processes.</param>
    /// <param name="git">The git command (tests give another).</param>
    public static async Task<bool> HoldsAsync(string workingDirectory, string folder, string sha, IReadOnlyList<string> excluded,
        CancellationToken cancellationToken, Tool? git = null)
    {
        using var repository = RunRepository.At(workingDirectory);
        return await HoldsAsync(repository, folder, sha, excluded, cancellationToken, git);
    }

    /// <summary>Whether the checkout of the run's <paramref name="repository"/> holds the commit in the folder (see the other overload).</summary>
    public static async Task<bool> HoldsAsync(RunRepository repository, string folder, string sha, IReadOnlyList<string> excluded,
        CancellationToken cancellationToken, Tool? git = null)
    {
        var workingDirectory = repository.WorkingDirectory;
        if (workingDirectory is null) return false;
        git ??= Tool.Named("git");
        git = git.WithWorkingDirectory(workingDirectory);
        // A build whose output folder lies outside the repository (beside it, or in the temp folder) has none to leave out:
        // git refuses a pathspec outside the repository.
        string[] pathspec = ["--", folder, .. excluded.Where(e => !e.StartsWith("..", StringComparison.Ordinal) && e != folder && RepoPath.IsUnder(e, folder))
            .Select(e => ":(exclude)" + e)];
        // The status walk, the longest part, starts before anything waits on the run's repository handle (held by the
        // analysis's other git readers meanwhile), so a HEAD at another commit or a converting configuration costs a git
        // started and killed; git's answer on attributes runs beside it (on moby 40-80 ms beside 100-200 ms; BENCHMARKS.md,
        // "Two figures behind code comments"). Both are called off once the answer is no; the walk therefore takes no
        // optional lock (git's refresh write): git killed while holding index.lock leaves it behind, and every git command
        // after it fails until the user deletes the file.
        using var questions = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var status = git.TryRunAsync([OptionalLocks.Refused, "status", "--porcelain=v1", "-z", "--untracked-files=normal", "--ignored=traditional",
            "--ignore-submodules=none", .. pathspec], questions.Token);
        Task<bool>? converted = null;
        try
        {
            if (!repository.Use(repo => HeadWithoutConversion(repo, repository.Config, sha))) return false;
            if (await repository.Index(cancellationToken) is not { } listing) return false;
            var paths = new List<string>();
            foreach (var entry in listing.Under(folder))
            {
                // A gitlink is a submodule: its checked-out files are in the folder but not in the commit. One never
                // initialised (loki's website theme) is the empty folder a clone makes, as in a copy of the commit (with no
                // folder at all git's status has reported it deleted).
                if (entry.Mode == IndexListing.GitLink && Path.Combine(workingDirectory, entry.Path) is var submodule
                    && (!Directory.Exists(submodule) || Directory.EnumerateFileSystemEntries(submodule).Any()))
                    return false;
                paths.Add(entry.Path);
            }
            var attributeFiles = paths.Where(p => p == ".gitattributes" || p.EndsWith("/.gitattributes", StringComparison.Ordinal));
            var scopes = repository.Use(repo => CheckoutAttributes.MayConvert(repo, repository.Config, folder, attributeFiles));
            // Only the files the model reads must be as committed; the others it only lists by name.
            var asked = paths.Where(p => GoInputFiles.IsReadByModel(p) && scopes.Any(s => RepoPath.IsUnder(p, s))).ToList();
            converted = asked.Count == 0 ? Task.FromResult(false) : AnyConvertedAsync(git, asked, questions.Token);
            if ((await status) is not { ExitCode: 0 } statusResult || statusResult.StandardOutput.Length > 0) return false;
            return !await converted;
        }
        finally
        {
            // Whatever ended the question early, no git process outlives it.
            if (!status.IsCompleted || converted is { IsCompleted: false }) questions.Cancel();
            await SettledAsync(status);
            if (converted is not null) await SettledAsync(converted);
        }
    }

    /// <summary>Waits for a process whose answer is no longer needed; its failure (or being called off) was decided on already.</summary>
    static Task SettledAsync(Task task) =>
        task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>Whether HEAD is <paramref name="sha"/> and no configuration converts files on checkout.</summary>
    static bool HeadWithoutConversion(Repository repo, Configuration config, string sha)
    {
        if (repo.Head.Tip?.Sha != sha) return false;
        if (config.Get<string>("core.autocrlf")?.Value is { } autocrlf && autocrlf.Equals("true", StringComparison.OrdinalIgnoreCase)) return false;
        if (config.Get<string>("core.eol")?.Value is { } eol && eol.Equals("crlf", StringComparison.OrdinalIgnoreCase)) return false;
        return config.Get<bool>("core.symlinks") is not { Value: false };
    }

    /// <summary>Whether git would write any of <paramref name="paths"/> differently from its blob (by attribute).</summary>
    static async Task<bool> AnyConvertedAsync(Tool git, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var result = await git.WithStandardInput(string.Join('\0', paths) + "\0")
            .TryRunAsync(["check-attr", "--stdin", "-z", .. ConversionAttributes], cancellationToken);
        if (result.ExitCode != 0) return true;
        // -z output: path NUL attribute NUL value NUL, repeated.
        var fields = result.StandardOutput.Split('\0');
        for (var i = 0; i + 2 < fields.Length; i += 3)
        {
            var (attribute, value) = (fields[i + 1], fields[i + 2]);
            if (value is "unspecified" or "unset") continue;
            // eol=lf writes the blob as it is (checkout only ever turns LF into CRLF).
            if (attribute == "eol" && value == "lf") continue;
            return true;
        }
        return false;
    }
}
