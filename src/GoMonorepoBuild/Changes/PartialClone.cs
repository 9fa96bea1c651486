using GoMonorepoBuild.Processes;
using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// The objects a partial clone (<c>--filter=blob:none</c>, <c>tree:0</c>, with or without <c>--depth</c>) left on its
/// promisor remote, fetched when the analysis needs them and only those. In a full clone every method is a no-op
/// (nothing is missing), so the common case pays one config read.
/// </summary>
public sealed class PartialClone
{
    readonly IObjectFetcher fetcher;
    readonly string workingDirectory;
    readonly CancellationToken cancellationToken;

    PartialClone(IObjectFetcher fetcher, string workingDirectory, IReadOnlyList<string> remotes, CancellationToken cancellationToken)
    {
        this.fetcher = fetcher;
        this.workingDirectory = workingDirectory;
        Remotes = remotes;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>The promisor remotes, in the order git tries them; empty for a full clone.</summary>
    public IReadOnlyList<string> Remotes { get; }

    public bool IsPartial => Remotes.Count > 0;

    /// <summary>What a clone at <paramref name="workingDirectory"/> is; fetches go through <paramref name="fetcher"/>.</summary>
    public static PartialClone Of(string workingDirectory, IObjectFetcher fetcher, CancellationToken cancellationToken)
    {
        using var repository = RunRepository.At(workingDirectory);
        return new PartialClone(fetcher, workingDirectory, repository.Use(_ => PromisorRemotes(repository.Config)), cancellationToken);
    }

    /// <summary>What the clone of the run's <paramref name="repository"/> is; fetches go through <paramref name="fetcher"/>.</summary>
    public static PartialClone Of(RunRepository repository, IObjectFetcher fetcher, CancellationToken cancellationToken) =>
        new(fetcher, repository.WorkingDirectory ?? throw new InvalidOperationException("A partial clone has a working tree here."),
            repository.Use(_ => PromisorRemotes(repository.Config)), cancellationToken);

    /// <summary>A full clone: nothing is ever fetched.</summary>
    public static PartialClone None(string workingDirectory) => new(new GitObjectFetcher(), workingDirectory, [], CancellationToken.None);

    /// <summary>
    /// Remotes with <c>remote.&lt;name&gt;.promisor=true</c> in config order, then the older <c>extensions.partialClone</c>
    /// one (git tries it last), from the repository's configuration (<see cref="RunRepository.Config"/>).
    /// </summary>
    internal static IReadOnlyList<string> PromisorRemotes(Configuration config)
    {
        var remotes = new List<string>();
        foreach (var entry in config)
        {
            var key = entry.Key;
            if (key.StartsWith("remote.", StringComparison.OrdinalIgnoreCase) && key.EndsWith(".promisor", StringComparison.OrdinalIgnoreCase)
                && string.Equals(entry.Value, "true", StringComparison.OrdinalIgnoreCase))
            {
                var name = key["remote.".Length..^".promisor".Length];
                if (!remotes.Contains(name)) remotes.Add(name);
            }
        }
        var legacy = config.Get<string>("extensions.partialclone")?.Value;
        if (legacy is not null && !remotes.Contains(legacy)) remotes.Add(legacy);
        return remotes;
    }

    /// <summary>
    /// Makes every tree of <paramref name="tree"/> present (a <c>tree:0</c> clone has none but HEAD's). A fetched tree
    /// arrives with all its subtrees, so this is normally one fetch per revision.
    /// </summary>
    public void EnsureTrees(Repository repo, ObjectId tree, string what)
    {
        if (!IsPartial) return;
        for (var round = 0; ; round++)
        {
            var missing = new List<ObjectId>();
            CollectMissingTrees(repo, tree, missing);
            if (missing.Count == 0) return;
            if (round == 3)
                throw new MissingObjectsException(
                    $"The trees of {what} are still missing from this partial clone after fetching them from {string.Join(", ", Remotes)}: " +
                    "fetch the revision without a tree filter (git fetch --refetch --filter=blob:none) or clone without --filter=tree:0.", [what]);
            FetchFromRemotes(missing.ToDictionary(id => id, _ => $"folders of {what}"), required: true);
        }
    }

    static void CollectMissingTrees(Repository repo, ObjectId id, List<ObjectId> missing)
    {
        if (!repo.ObjectDatabase.Contains(id))
        {
            missing.Add(id);
            return;
        }
        foreach (var entry in repo.Lookup<Tree>(id))
            if (entry.Mode == Mode.Directory) CollectMissingTrees(repo, entry.Target.Id, missing);
    }

    /// <summary>
    /// Fetches those of <paramref name="needed"/> (object id → the file it is, for messages) that are not in the object
    /// database. Returns false when some are still missing and not <paramref name="required"/> (the caller answers
    /// without them); throws <see cref="MissingObjectsException"/> when they are required.
    /// </summary>
    public bool Fetch(Repository repo, IReadOnlyDictionary<ObjectId, string> needed, bool required)
    {
        if (!IsPartial || needed.Count == 0) return true;
        var missing = needed.Where(n => !repo.ObjectDatabase.Contains(n.Key)).ToDictionary(n => n.Key, n => n.Value);
        return missing.Count == 0 || FetchFromRemotes(missing, required);
    }

    /// <summary>
    /// Runs the fetch synchronously: the planner asks for the base model through a synchronous callback, and a fetch
    /// is rare (only objects the clone left out), so blocking here keeps the model code free of git.
    /// </summary>
    bool FetchFromRemotes(Dictionary<ObjectId, string> missing, bool required)
    {
        var errors = new List<string>();
        foreach (var remote in Remotes)
        {
            try
            {
                fetcher.FetchAsync(workingDirectory, remote, missing.Keys.Select(id => id.Sha).ToList(), cancellationToken).GetAwaiter().GetResult();
                return true;
            }
            catch (ProcessFailedException e)
            {
                errors.Add(e.Message);
            }
        }
        if (!required) return false;
        var files = missing.Values.Distinct().OrderBy(f => f, StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", files.Take(5)) + (files.Count > 5 ? $" and {files.Count - 5} more" : "");
        throw new MissingObjectsException(
            $"This is a partial clone and the content of {shown} is not in it; fetching it from {string.Join(", ", Remotes)} failed: " +
            $"{string.Join("; ", errors)}. Make the remote reachable (or its credentials available) and run again, or fetch the objects first " +
            $"(git -c fetch.negotiationAlgorithm=noop fetch {Remotes[0]} --no-tags --filter=blob:none --stdin <<< '{string.Join(' ', missing.Keys.Take(3).Select(k => k.Sha))}'" +
            $"{(missing.Count > 3 ? " …" : "")}), or clone without --filter.", files);
    }
}
