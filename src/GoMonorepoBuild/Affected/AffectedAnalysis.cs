using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Workspace;
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
        // Loading the model and asking git are independent and each a full walk of the tree: overlap them.
        var diskModel = request.Head is null ? Task.Run(workTreeModel, cancellationToken) : null;
        try
        {
            return await RunCoreAsync(request, () => diskModel?.GetAwaiter().GetResult() ?? workTreeModel(), cancellationToken);
        }
        finally
        {
            if (diskModel is not null) await diskModel.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    async Task<AffectedResult> RunCoreAsync(AffectedRequest request, Func<GoWorkspace> workTreeModel, CancellationToken cancellationToken)
    {
        var checkout = GitCheckout.Find(request.MonorepoDirectory);
        var (workDir, prefix) = (checkout.WorkingDirectory, checkout.Prefix);

        ResolvedBase resolved;
        try
        {
            var candidates = BaseCandidates.From(request.Base, request.Environment);
            resolved = await new BaseResolver(fetcher, request.Deepen).ResolveAsync(workDir, candidates, cancellationToken);
        }
        catch (MissingBaseException e) when (request.BuildAllWhenBaseMissing)
        {
            return AffectedResult.Everything(workTreeModel(), $"the base could not be found and --missing-base build-all was given: {e.Message}")
                .WithRevisions(null, $"missing: {e.Candidate.Describe()}", CurrentHead(workDir, request.Head));
        }

        var partial = PartialClone.Of(workDir, objects, cancellationToken);
        var sparse = await SparseCheckout.ReadAsync(workDir, cancellationToken);
        // libgit2 knows no sparse checkout (left-out files look deleted; a sparse index cannot be read): git answers for it.
        var localPaths = sparse.IsSparse && request.Head is null ? await GitStatus.ChangedPathsAsync(workDir, cancellationToken) : null;
        var changes = GitChanges.Compute(workDir, resolved, request.Head, partial, sparse, localPaths, cancellationToken);
        var snapshots = new List<TreeSnapshot>();
        try
        {
            var head = request.Head is not null
                ? ModelAt(workDir, changes.HeadCommit!, prefix, request, snapshots, partial, tolerant: false, cancellationToken: cancellationToken)
                  ?? throw new InvalidOperationException($"The monorepo folder {prefix} does not exist at --head {request.Head}.")
                : sparse.AnyUnder(prefix) ? SparseWorkTreeModel(workDir, changes, prefix, request, snapshots, partial, cancellationToken)
                : workTreeModel();
            if (resolved.Sha is null)
                return AffectedResult.Everything(head, $"no base to compare with: {resolved.How} ({string.Join("; ", resolved.Notes)})")
                    .WithRevisions(null, resolved.Source.ToString(), changes.Head);

            var excluded = request.ExcludedFolders.Select(f => RepoPath.FromSystem(workDir, RealPath.Of(f))).ToList();
            changes = changes with { Files = changes.Files.Where(f => !f.Paths.All(p => excluded.Any(e => RepoPath.IsUnder(p, e)))).ToList() };
            var inside = changes.Files.Select(f => f.RelativeTo(prefix)).OfType<ChangedFile>().ToList();
            var outside = changes.Files.SelectMany(f => f.Paths).Where(p => prefix != "." && !RepoPath.IsUnder(p, prefix)).Distinct().ToList();
            using var headTree = request.Head is null ? null : new CommitTreeSource(workDir, changes.HeadCommit!, prefix);
            var options = request.Options.WithOwnDockerfiles(OwnDockerfiles(head, (ISourceTree?)headTree ?? new WorkTreeSource(head.Root), request.BuildContexts));
            var result = AffectedPlanner.Plan(inside, outside, head, () => BaseModel(workDir, resolved.Sha, prefix, request, snapshots, partial, BaseCandidatePaths(inside), cancellationToken), options);
            return result.WithRevisions(resolved.Sha, $"{resolved.Source}: {resolved.How}", changes.Head) with
            {
                NotCheckedOut = NotCheckedOut(result, head, prefix, sparse),
            };
        }
        finally
        {
            foreach (var snapshot in snapshots) snapshot.Dispose();
        }
    }

    /// <summary>
    /// The working tree as it would be with every file checked out: HEAD's tree with the working folder's changes laid
    /// over it. A sparse checkout's folder lacks whole modules (a library a checked-out service imports, services
    /// outside the cone), which the model of the folder alone would take for gone.
    /// </summary>
    static GoWorkspace SparseWorkTreeModel(string workDir, ChangeSet changes, string prefix, AffectedRequest request, List<TreeSnapshot> snapshots,
        PartialClone partial, CancellationToken cancellationToken)
    {
        var snapshot = TreeSnapshot.Write(workDir, changes.HeadCommit!, prefix, partial: partial, cancellationToken: cancellationToken);
        snapshots.Add(snapshot);
        if (snapshot.Folder is null)
            throw new InvalidOperationException($"The monorepo folder {prefix} is not in HEAD ({changes.HeadCommit}) of this sparse checkout: commit it first.");
        snapshot.Overlay(workDir, prefix, changes.WorkTreePaths);
        return GoWorkspace.Load(snapshot.Folder, WorkspaceOptions.Default.WithServiceGlobs(request.ServiceGlobs).WithServiceMains(request.ServiceMains),
            cancellationToken);
    }

    /// <summary>
    /// Affected services with image inputs the sparse checkout left out, each with the folders to add: the module folder
    /// of each missing input (its whole module is what a build reads), relative to the repository root.
    /// </summary>
    static List<NotCheckedOutService> NotCheckedOut(AffectedResult result, GoWorkspace head, string prefix, SparseCheckout sparse)
    {
        var list = new List<NotCheckedOutService>();
        if (!sparse.IsSparse) return list;
        foreach (var affected in result.Services)
        {
            if (head.Service(affected.Name) is not { } service) continue;
            var missing = service.ImageInputs.Where(p => sparse.IsSkipped(RepoPath.Combine(prefix, p))).ToList();
            if (missing.Count == 0) continue;
            var folders = missing.Select(p => RepoPath.Combine(prefix, head.ModuleContaining(p)?.Dir ?? RepoPath.Parent(p)))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            // A folder below another listed one adds nothing to the checkout.
            folders = folders.Where(f => !folders.Any(o => o != f && RepoPath.IsUnder(f, o))).ToList();
            list.Add(new NotCheckedOutService(affected.Name, folders, missing.Count));
        }
        return list;
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
    static GoWorkspace? BaseModel(string workDir, string sha, string prefix, AffectedRequest request, List<TreeSnapshot> snapshots,
        PartialClone partial, IReadOnlyList<string> candidates, CancellationToken cancellationToken)
    {
        var skeleton = ModelAt(workDir, sha, prefix, request, snapshots, partial, tolerant: true, include: _ => false, cancellationToken);
        if (skeleton is null) return ModelAt(workDir, sha, prefix, request, snapshots, partial, tolerant: true, cancellationToken: cancellationToken);
        var dirs = RelevantModuleDirs(skeleton, candidates);
        return dirs.Count == 0 ? skeleton : ModelAt(workDir, sha, prefix, request, snapshots, partial, tolerant: true,
            include: dir => dirs.Any(d => RepoPath.IsUnder(dir, d)), cancellationToken);
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
    static GoWorkspace? ModelAt(string workDir, string sha, string prefix, AffectedRequest request, List<TreeSnapshot> snapshots,
        PartialClone partial, bool tolerant, Func<string, bool>? include = null, CancellationToken cancellationToken = default)
    {
        var snapshot = TreeSnapshot.Write(workDir, sha, prefix, include, partial, cancellationToken);
        snapshots.Add(snapshot);
        if (snapshot.Folder is null) return null;
        try
        {
            return GoWorkspace.Load(snapshot.Folder, WorkspaceOptions.Default.WithServiceGlobs(request.ServiceGlobs).WithServiceMains(request.ServiceMains)
                .WithServiceExtraInputs(request.ServiceExtraInputs), cancellationToken);
        }
        catch (WorkspaceException) when (tolerant)
        {
            // A tree that did not load at that revision cannot say more; the planner falls back to modules for its side.
            return null;
        }
    }

    static string CurrentHead(string workDir, string? head)
    {
        if (head is not null) return head;
        using var repo = new Repository(workDir);
        return repo.Head.Tip?.Sha ?? ChangeSet.WorkTree;
    }
}
