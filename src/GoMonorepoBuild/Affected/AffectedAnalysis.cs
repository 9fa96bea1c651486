using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Cache;
using LibGit2Sharp;

namespace GoMonorepoBuild.Affected;

/// <summary>
/// The git side of the analysis around the pure <see cref="AffectedPlanner"/>: find the repository, resolve the base
/// (deepening shallow clones), list the changed files, load the models it needs, and plan.
/// </summary>
public sealed class AffectedAnalysis(IHistoryFetcher fetcher, IObjectFetcher objects)
{
    public AffectedAnalysis() : this(new GitFetcher()) { }

    public AffectedAnalysis(IHistoryFetcher fetcher) : this(fetcher, new GitObjectFetcher()) { }

    /// <summary>Analyses; <paramref name="workTreeModel"/> is the model of the monorepo as it is on disk (used when the head is the working tree).</summary>
    public async Task<AffectedResult> RunAsync(AffectedRequest request, Func<GoWorkspace> workTreeModel, CancellationToken cancellationToken)
    {
        using var repository = RunRepository.At(RealPath.Of(request.MonorepoDirectory));
        return await RunAsync(request, repository, workTreeModel, cancellationToken);
    }

    /// <summary>
    /// Analyses in the run's <paramref name="repository"/> (the monorepo's, opened once per run and shared with the
    /// run's other git readers); every step of the analysis reads git through it.
    /// </summary>
    public async Task<AffectedResult> RunAsync(AffectedRequest request, RunRepository repository, Func<GoWorkspace> workTreeModel,
        CancellationToken cancellationToken)
    {
        // Loading the model and asking git are independent and each a full walk of the tree: overlap them. With --head the
        // checked-out commit, the model read from the checkout is the head's when the checkout is clean (CleanCheckout,
        // asked meanwhile); when it is not, the copy of the commit is read instead and this load goes unused.
        var cache = request.ParseCacheFile is { } file ? new Lazy<ParseCache>(() => ParseCache.Open(file)) : null;
        var closures = request.ParseCacheFile is { } beside ? new VendorClosures(VendorClosures.FileBeside(beside)) : null;
        var checkedOutSha = request.Head is not null ? CheckedOutCommitNamed(request, repository) : null;
        var checkedOut = checkedOutSha is not null;
        var kept = checkedOut && cache is not null && request.ParseCacheFile is { } cacheFile
            ? Task.Run(() => KeptHeadModel.FindAsync(request, cacheFile, repository, cache, cancellationToken), cancellationToken)
            : null;
        // Whether the checkout is clean is asked as soon as the kept model's lookup misses, beside the base and the changes:
        // nothing they find enters the question, and its status walk is the longest step of a first analysis at a new commit.
        await using var clean = checkedOutSha is null ? null : AskWhetherClean(request, repository, checkedOutSha, kept, cancellationToken);
        var diskModel = request.Head is null ? Task.Run(() => new CheckoutModel(workTreeModel()), cancellationToken)
            : checkedOut ? Task.Run(async () => CheckoutModel.Of(request, cache, kept is null ? null : await kept, closures), cancellationToken)
            : null;
        try
        {
            return await RunCoreAsync(request, repository,
                () => (request.Head is null ? diskModel?.GetAwaiter().GetResult().Model : null) ?? workTreeModel(),
                () => (request.Head is not null ? diskModel?.GetAwaiter().GetResult() : null) ?? new CheckoutModel(LoadModel(request.MonorepoDirectory, request)),
                kept, clean, cache, closures, cancellationToken);
        }
        finally
        {
            if (diskModel is not null) await diskModel.ContinueWith(_ => { }, TaskScheduler.Default);
            // Every entry is keyed by the bytes read, so what a run learnt is kept whether or not its model was used.
            if (cache is { IsValueCreated: true }) cache.Value.Save();
        }
    }

    /// <summary>The model read from the checkout, and whether it was loaded here (so an earlier run did not keep it).</summary>
    sealed record CheckoutModel(GoWorkspace Model, bool Loaded = false)
    {
        /// <summary>
        /// The model of the checkout: the one an earlier run kept for this index, else loaded with the index's blob ids as
        /// keys to the parse cache (files read in an earlier run are not read again). The index describes the files only
        /// when the checkout is clean, and this model is used only then (or, kept, when the index holds the commit).
        /// </summary>
        public static CheckoutModel Of(AffectedRequest request, Lazy<ParseCache>? cache, KeptHeadModel? kept, VendorClosures? closures) =>
            kept?.Model is { } model ? new CheckoutModel(model)
            : cache is null || kept is null ? new CheckoutModel(LoadModel(request.MonorepoDirectory, request))
            : new CheckoutModel(LoadModel(request.MonorepoDirectory, request, new ModelCache(cache.Value, kept.Keys.Value) { Closures = closures }), Loaded: true);
    }

    /// <summary>The commit checked out when --head names it (cheap: one lookup), so reading the checkout may pay off; else null.</summary>
    static string? CheckedOutCommitNamed(AffectedRequest request, RunRepository repository)
    {
        if (request.ServiceExtraInputs.Values.Any(globs => globs.Count > 0) || !Directory.Exists(request.MonorepoDirectory)) return null;
        try
        {
            return repository.Read(repo => repo.Head.Tip is { } tip && repo.Lookup<Commit>(request.Head) is { } head && head.Sha == tip.Sha ? tip.Sha : null, null);
        }
        catch (LibGit2SharpException)
        {
            return null; // the analysis itself reports an unknown revision
        }
    }

    /// <summary>
    /// Starts the clean-checkout question for the commit checked out (<see cref="CheckoutQuestion"/>); null when the
    /// checkout cannot be found (the analysis reports why where it looks for it).
    /// </summary>
    static CheckoutQuestion? AskWhetherClean(AffectedRequest request, RunRepository repository, string sha, Task<KeptHeadModel>? kept,
        CancellationToken cancellationToken)
    {
        GitCheckout checkout;
        try
        {
            checkout = GitCheckout.Find(repository, request.MonorepoDirectory);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        return CheckoutQuestion.Start(sha, AskAsync, cancellationToken);

        async Task<bool> AskAsync(CancellationToken token)
        {
            // Not asked when the kept model is the head's: false then means "not asked" (HeadModelAsync takes the kept model
            // before it reads this answer). The lookup's failure is the analysis's to report, where it awaits the lookup.
            if (kept is not null && await LookedUpHeadAsync(kept, sha)) return false;
            return await ReadableFromCheckoutAsync(repository, checkout.Prefix, sha, request, await SparseCheckout.ReadAsync(repository, token),
                ExcludedFolders(request, checkout.WorkingDirectory), token);
        }
    }

    /// <summary>Whether the kept model's lookup found the model of <paramref name="sha"/>; false when it failed.</summary>
    static async Task<bool> LookedUpHeadAsync(Task<KeptHeadModel> kept, string sha)
    {
        try
        {
            return await kept is { Model: not null, Commit: { } commit } && commit == sha;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The build's own output folders, relative to the repository root: left out of every question about the checkout.</summary>
    static List<string> ExcludedFolders(AffectedRequest request, string workingDirectory) =>
        request.ExcludedFolders.Select(f => RepoPath.FromSystem(workingDirectory, RealPath.Of(f))).ToList();

    async Task<AffectedResult> RunCoreAsync(AffectedRequest request, RunRepository repository, Func<GoWorkspace> workTreeModel,
        Func<CheckoutModel> checkoutModel, Task<KeptHeadModel>? kept, CheckoutQuestion? clean, Lazy<ParseCache>? cache, VendorClosures? closures,
        CancellationToken cancellationToken)
    {
        var checkout = GitCheckout.Find(repository, request.MonorepoDirectory);
        var (workDir, prefix) = (checkout.WorkingDirectory, checkout.Prefix);

        ResolvedBase resolved;
        try
        {
            var candidates = BaseCandidates.From(request.Base, request.Environment);
            resolved = await new BaseResolver(fetcher, request.Deepen).ResolveAsync(repository, candidates, cancellationToken);
        }
        catch (MissingBaseException e) when (request.BuildAllWhenBaseMissing)
        {
            return AffectedResult.Everything(workTreeModel(), $"the base could not be found and --missing-base build-all was given: {e.Message}")
                .WithRevisions(null, $"missing: {e.Candidate.Describe()}", CurrentHead(repository, request.Head));
        }

        var partial = PartialClone.Of(repository, objects, cancellationToken);
        var sparse = await SparseCheckout.ReadAsync(repository, cancellationToken);
        // libgit2 knows no sparse checkout (left-out files look deleted; a sparse index cannot be read): git answers for it.
        var localPaths = sparse.IsSparse && request.Head is null ? await GitStatus.ChangedPathsAsync(repository, cancellationToken) : null;
        var changes = GitChanges.Compute(repository, resolved, request.Head, partial, sparse, localPaths, cancellationToken);
        var snapshots = new List<TreeSnapshot>();
        var excluded = ExcludedFolders(request, workDir);
        CheckoutModel? fromCheckout = null;
        // Quick to know (the index, a digest, one file), and the model of the head commit whatever the checkout holds when
        // the index holds that commit's tree (KeptHeadModel): then the checkout is not asked about at all.
        var keptModel = kept is null ? null : await kept;

        // The cheapest model that is the head's: with --head, a kept model of that commit, the checkout when it is clean,
        // else a copy of the commit; without, the working folder (laid over HEAD's tree in a sparse checkout).
        async Task<GoWorkspace> HeadModelAsync()
        {
            if (request.Head is null)
                return sparse.AnyUnder(prefix)
                    ? SparseWorkTree.Load(repository, changes.HeadCommit!, prefix, changes.WorkTreePaths, ModelOptions(request), partial, snapshots)
                    : workTreeModel();
            if (keptModel is { Model: { } keptHead, Commit: { } keptCommit } && keptCommit == changes.HeadCommit)
            {
                clean?.CallOff();
                return keptHead;
            }
            if (await (clean?.AnswerFor(changes.HeadCommit!) ?? ReadableFromCheckoutAsync(repository, prefix, changes.HeadCommit!, request, sparse, excluded, cancellationToken)))
                return (fromCheckout = checkoutModel()).Model;
            return ModelAt(repository, changes.HeadCommit!, prefix, request, snapshots, partial, tolerant: false, cache: cache)
                   ?? throw new InvalidOperationException($"The monorepo folder {prefix} does not exist at --head {request.Head}.");
        }

        try
        {
            var head = await HeadModelAsync();
            if (resolved.Sha is null)
                return AffectedResult.Everything(head, $"no base to compare with: {resolved.How} ({string.Join("; ", resolved.Notes)})")
                    .WithRevisions(null, resolved.Source.ToString(), changes.Head) with { NotCheckedOut = NotCheckedOutService.In(head, prefix, sparse) };

            changes = changes with { Files = changes.Files.Where(f => !f.Paths.All(p => excluded.Any(e => RepoPath.IsUnder(p, e)))).ToList() };
            var inside = changes.Files.Select(f => f.RelativeTo(prefix)).OfType<ChangedFile>().ToList();
            var outside = changes.Files.SelectMany(f => f.Paths).Where(p => prefix != "." && !RepoPath.IsUnder(p, prefix)).Distinct().ToList();
            using var headTree = request.Head is null ? null : new CommitTreeSource(repository, changes.HeadCommit!, prefix);
            var options = request.Options.WithOwnDockerfiles(OwnDockerfiles(head, (ISourceTree?)headTree ?? new WorkTreeSource(head.Root), request.BuildContexts));
            var result = AffectedPlanner.Plan(inside, outside, head, () => BaseModel(repository, resolved.Sha, prefix, request, snapshots, partial, BaseCandidatePaths(inside), cache, cancellationToken), options);
            if (fromCheckout is { Loaded: true } && keptModel is not null && closures is { HasProposals: true })
                await KeepClosuresAsync(closures, keptModel, repository, prefix, changes.HeadCommit!, excluded, cancellationToken);
            if (fromCheckout is { Loaded: true } && keptModel is not null && request.ParseCacheFile is { } parseCacheFile)
                await keptModel.SaveAsync(fromCheckout.Model, request, parseCacheFile, repository, prefix, changes.HeadCommit!, excluded, cancellationToken);
            return result.WithRevisions(resolved.Sha, $"{resolved.Source}: {resolved.How}", changes.Head) with
            {
                // The build reads the working folder: an affected service a sparse checkout left out cannot be built from it.
                NotCheckedOut = NotCheckedOutService.In(head, prefix, sparse).Where(n => result.Find(n.Name) is not null).ToList(),
                Notes = changes.Notes,
            };
        }
        finally
        {
            foreach (var snapshot in snapshots) snapshot.Dispose();
        }
    }

    /// <summary>
    /// Keeps the vendored closures the checkout's model proposed (<see cref="VendorClosures"/>): they were keyed by the
    /// index, which describes the files read only if the checkout was clean while they were read. Asked again now that the
    /// model is loaded (a file edited during the load is not kept under the index's key), with the index unchanged; not
    /// asked when every proposal was read from files as the index describes them (<see cref="VendorClosures.NeedsCleanCheckout"/>).
    /// </summary>
    static async Task KeepClosuresAsync(VendorClosures closures, KeptHeadModel kept, RunRepository repository, string prefix, string sha,
        IReadOnlyList<string> excluded, CancellationToken cancellationToken)
    {
        if (closures.NeedsCleanCheckout)
        {
            if (!await CleanCheckout.HoldsAsync(repository, prefix, sha, excluded, cancellationToken)) return;
            if (await IndexListing.ReadAsync(repository, cancellationToken) is not { } now || !kept.Keys.Value.SameEntries(now)) return;
        }
        closures.Commit();
    }

    /// <summary>The own Dockerfile of every service that has one, as the head holds it, by service path.</summary>
    public static IReadOnlyDictionary<string, OwnDockerfile> OwnDockerfiles(GoWorkspace model, ISourceTree tree, BuildContextSettings settings) =>
        model.Services.Where(s => s.Dockerfile is not null)
            .ToDictionary(s => s.Path, s => OwnDockerfile.Load(tree, s.Name, s.Path, s.Dockerfile!, settings.For(s.Name)), StringComparer.Ordinal);

    /// <summary>Base-side paths the planner may ask the base model about: gone or moved files, and Go files.</summary>
    static List<string> BaseCandidatePaths(IEnumerable<ChangedFile> files) =>
        files.Where(f => f.BasePath is not null && (f.HeadPath is null || f.Kind == GoMonorepoBuild.Changes.ChangeKind.Renamed
                                                    || f.Path.EndsWith(".go", StringComparison.Ordinal)))
            .Select(f => f.BasePath!).ToList();

    /// <summary>
    /// The model at the base, written only as far as the answer needs: first the module files alone (cheap) to learn
    /// the module graph; then the Go files of the modules that hold a candidate path, of every module depending on them
    /// (transitively), and of everything those depend on. A service outside that set cannot have had the paths as inputs.
    /// </summary>
    static GoWorkspace? BaseModel(RunRepository repository, string sha, string prefix, AffectedRequest request, List<TreeSnapshot> snapshots,
        PartialClone partial, IReadOnlyList<string> candidates, Lazy<ParseCache>? cache, CancellationToken cancellationToken)
    {
        var skeleton = ModelAt(repository, sha, prefix, request, snapshots, partial, tolerant: true, include: _ => false, cancellationToken, cache);
        if (skeleton is null) return ModelAt(repository, sha, prefix, request, snapshots, partial, tolerant: true, cancellationToken: cancellationToken, cache: cache);
        var dirs = RelevantModuleDirs(skeleton, candidates);
        return dirs.Count == 0 ? skeleton : ModelAt(repository, sha, prefix, request, snapshots, partial, tolerant: true,
            include: dir => dirs.Any(d => RepoPath.IsUnder(dir, d)), cancellationToken, cache);
    }

    static List<string> RelevantModuleDirs(GoWorkspace skeleton, IReadOnlyList<string> candidates)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(candidates.Select(skeleton.ModuleContaining).OfType<GoMonorepoBuild.Workspace.Modules.GoModule>().Select(m => m.Path));
        while (queue.TryDequeue(out var module))
            if (seen.Add(module))
                foreach (var dependent in skeleton.DependentsOf(module)) queue.Enqueue(dependent.Path);
        var closure = new HashSet<string>(seen, StringComparer.Ordinal);
        var forward = new Queue<string>(seen);
        while (forward.TryDequeue(out var module))
            foreach (var dependency in skeleton.ModuleByPath(module)?.LocalDependencies ?? [])
                if (closure.Add(dependency)) forward.Enqueue(dependency);
        return closure.Select(m => skeleton.ModuleByPath(m)?.Dir).OfType<string>().ToList();
    }

    /// <summary>The model of the monorepo at a commit, from a snapshot of its tree; null when the folder or a loadable model is missing.</summary>
    static GoWorkspace? ModelAt(RunRepository repository, string sha, string prefix, AffectedRequest request, List<TreeSnapshot> snapshots,
        PartialClone partial, bool tolerant, Func<string, bool>? include = null, CancellationToken cancellationToken = default,
        Lazy<ParseCache>? cache = null)
    {
        // Not with extra-input globs: they match the placeholders a copy holds, which the cache changes (embedding folders).
        var parse = request.ServiceExtraInputs.Values.All(globs => globs.Count == 0) ? cache?.Value : null;
        var snapshot = TreeSnapshot.Write(repository, sha, prefix, include, partial, parse, cancellationToken);
        snapshots.Add(snapshot);
        if (snapshot.Folder is null) return null;
        try
        {
            return LoadModel(snapshot.Folder, request, parse is not null && snapshot.Keys is { } keys ? new ModelCache(parse, keys) : null);
        }
        catch (WorkspaceException) when (tolerant)
        {
            // A tree that did not load at that revision cannot say more; the planner falls back to modules for its side.
            return null;
        }
    }

    /// <summary>How a revision's model is read: the request's globs, configured main packages and extra inputs.</summary>
    internal static WorkspaceOptions ModelOptions(AffectedRequest request) =>
        WorkspaceOptions.Default.WithServiceGlobs(request.ServiceGlobs).WithServiceMains(request.ServiceMains)
            .WithServiceExtraInputs(request.ServiceExtraInputs);

    /// <summary>
    /// Whether the head commit's model can be read from the checkout (<see cref="CleanCheckout"/>). Not with extra-input
    /// globs: they match files (templates) in a checkout that a revision copy does not hold, so the two models differ.
    /// </summary>
    static async Task<bool> ReadableFromCheckoutAsync(RunRepository repository, string prefix, string sha, AffectedRequest request, SparseCheckout sparse,
        IReadOnlyList<string> excluded, CancellationToken cancellationToken) =>
        !sparse.IsSparse && request.ServiceExtraInputs.Values.All(globs => globs.Count == 0)
                         && await CleanCheckout.HoldsAsync(repository, prefix, sha, excluded, cancellationToken);

    /// <summary>
    /// The model of a revision, read from its copy or from the checkout when that holds exactly the revision
    /// (<see cref="CleanCheckout"/>): the same options either way, so both give the same model.
    /// </summary>
    static GoWorkspace LoadModel(string folder, AffectedRequest request, ModelCache? cache = null) =>
        GoWorkspace.Load(folder, ModelOptions(request) with { Cache = cache });

    static string CurrentHead(RunRepository repository, string? head) =>
        head ?? repository.Use(repo => repo.Head.Tip?.Sha) ?? ChangeSet.WorkTree;
}
