using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// Picks the base from the candidates in order. A candidate the user or the CI named must resolve: when its commit is
/// missing from a shallow clone the history is deepened (up to the policy's limit) and then it fails with a clear message,
/// never falling back silently. A null ("all zeros") candidate is skipped with a note; default branches that do not exist
/// or share no history with HEAD are skipped too. When only a null base was found the result is <see cref="BaseSource.NoBase"/>.
/// </summary>
public sealed class BaseResolver(IHistoryFetcher fetcher, DeepenPolicy policy)
{
    public async Task<ResolvedBase> ResolveAsync(string workingDirectory, IReadOnlyList<BaseCandidate> candidates, CancellationToken cancellationToken)
    {
        using var repository = RunRepository.At(workingDirectory);
        return await ResolveAsync(repository, candidates, cancellationToken);
    }

    /// <summary>The base in the run's <paramref name="repository"/>, reopened after each fetch that changes its history.</summary>
    public async Task<ResolvedBase> ResolveAsync(RunRepository repository, IReadOnlyList<BaseCandidate> candidates, CancellationToken cancellationToken)
    {
        var workingDirectory = repository.WorkingDirectory ?? throw new InvalidOperationException("The base is resolved in a git repository with a working tree.");
        var notes = new List<string>();
        var steps = policy.Steps().GetEnumerator();
        var deepened = 0;
        var sawNull = false;
        foreach (var candidate in candidates)
        {
            if (candidate.IsNull)
            {
                notes.Add($"{candidate.Origin} is {candidate.Revision}: the first push of a branch has no previous commit");
                sawNull = true;
                continue;
            }
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (found, skipReason, shallow, _) = await TryResolveAsync(repository, workingDirectory, candidate, cancellationToken);
                if (found is not null) return new ResolvedBase(candidate.Source, found, candidate.Describe()).WithNotes(notes);
                if (skipReason is not null)
                {
                    notes.Add(skipReason);
                    break;
                }
                if (!shallow) throw Missing(candidate, shallow: false, deepened);
                if (!steps.MoveNext()) throw Missing(candidate, shallow: true, deepened);
                await fetcher.DeepenAsync(workingDirectory, steps.Current, cancellationToken);
                repository.Reload();
                deepened += steps.Current;
                notes.Add($"deepened the shallow clone by {steps.Current} commits looking for {candidate.Revision}");
            }
        }
        if (sawNull)
            return new ResolvedBase(BaseSource.NoBase, null,
                $"the CI gave no previous commit and none of {string.Join(", ", BaseCandidates.DefaultBranches)} shares history with HEAD").WithNotes(notes);
        throw new MissingBaseException(
            $"No base revision to compare with: no --base, no CI variables, and none of {string.Join(", ", BaseCandidates.DefaultBranches)} " +
            $"shares history with HEAD ({string.Join("; ", notes)}). Pass --base <rev>, or fetch the default branch (git fetch origin main).",
            candidates.Last(), shallow: false);
    }

    /// <summary>The base sha; or why a default-branch candidate is skipped; or neither (missing, maybe fetchable).</summary>
    async Task<BaseLookup> TryResolveAsync(RunRepository repository, string workingDirectory, BaseCandidate candidate,
        CancellationToken ct)
    {
        var fetchedBranch = false;
        while (true)
        {
            var answer = repository.Use(repo => Try(repo, candidate, fetchedBranch));
            if (!answer.FetchBranch) return answer;
            // actions/checkout fetches only the merge commit: the base branch is usually not there yet.
            fetchedBranch = true;
            await fetcher.FetchBranchAsync(workingDirectory, "origin", candidate.Revision["origin/".Length..], policy.FirstStep, ct);
            repository.Reload();
        }
    }

    /// <summary>One look at the repository for the candidate: the answer, or that its branch should be fetched first.</summary>
    static BaseLookup Try(Repository repo, BaseCandidate candidate, bool fetchedBranch)
    {
        var shallow = repo.Info.IsShallow;
        var commit = Find(repo, candidate.Revision);
        if (!candidate.MergeBaseWithHead) return new BaseLookup(commit?.Sha, null, shallow);

        if (commit is null)
        {
            if (candidate.Source == BaseSource.GitHubPullRequest && !fetchedBranch && repo.Network.Remotes["origin"] is not null)
                return new BaseLookup(null, null, shallow, FetchBranch: true);
            return new BaseLookup(null, candidate.Source == BaseSource.MergeBase ? $"{candidate.Revision} does not exist" : null, shallow);
        }
        var head = repo.Head.Tip ?? throw new MissingBaseException(
            "HEAD has no commit yet: commit something first, or pass --base and --head.", candidate, shallow);
        var mergeBase = MergeBase(repo, head, commit);
        if (mergeBase is not null) return new BaseLookup(mergeBase.Sha, null, shallow);
        if (!shallow && candidate.Source == BaseSource.MergeBase)
            return new BaseLookup(null, $"{candidate.Revision} shares no history with HEAD", shallow);
        return new BaseLookup(null, null, shallow);
    }

    static Commit? Find(Repository repo, string revision)
    {
        try
        {
            return repo.Lookup<Commit>(revision);
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    static Commit? MergeBase(Repository repo, Commit a, Commit b)
    {
        try
        {
            return repo.ObjectDatabase.FindMergeBase(a, b);
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    Exception Missing(BaseCandidate candidate, bool shallow, int deepened)
    {
        var what = candidate.MergeBaseWithHead
            ? $"The merge-base of HEAD and {candidate.Revision} (from {candidate.Origin})"
            : $"The base commit {candidate.Revision} (from {candidate.Origin})";
        var message = shallow
            ? $"{what} is not in this shallow clone" +
              (deepened > 0 ? $", even after deepening it by {deepened} commits (--deepen-limit {policy.Limit})" : " and --deepen-limit is 0") +
              $". Fetch more history (git fetch --deepen=<n>, or --unshallow; in GitHub Actions set fetch-depth: 0), raise --deepen-limit, " +
              $"pass --base <rev> of a fetched commit, or pass --missing-base build-all to build every service."
            : $"{what} is not a commit of this repository. Fetch it (git fetch origin {Strip(candidate.Revision)}) or pass --base <rev> " +
              "of an existing commit, or --missing-base build-all to build every service.";
        return new MissingBaseException(message, candidate, shallow);
    }

    static string Strip(string revision) => revision.StartsWith("origin/", StringComparison.Ordinal) ? revision["origin/".Length..] : revision;
}
