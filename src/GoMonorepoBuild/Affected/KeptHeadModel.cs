using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Cache;

namespace GoMonorepoBuild.Affected;

/// <summary>
/// The head model an earlier run kept for the checkout's index (<see cref="SavedModel"/>, issue 17 item 5), looked up
/// before any model is loaded: the index is read (in process), a digest of its entries under the monorepo is the key,
/// and the kept file is read back when it holds that key. <see cref="Commit"/> names the commit the model is then known to
/// be the model of without asking whether the checkout is clean: git's own cache-tree record says the index holds exactly
/// HEAD's tree, and the model was kept from a clean checkout of an index with these very entries, so the working tree's
/// state (untracked, ignored or edited files) does not enter it. Otherwise the model, kept or loaded, is used only when
/// the checkout is clean, as before. On a miss, <see cref="Key"/> is what the loaded model may be kept under.
/// </summary>
internal sealed record KeptHeadModel(GoWorkspace? Model, string? Commit, string? Key, Lazy<IndexContents> Keys)
{
    /// <summary>The kept model's file, beside the parse cache (and gone with it when that folder is deleted).</summary>
    public static string FileBeside(string parseCacheFile) => Path.Combine(Path.GetDirectoryName(parseCacheFile)!, "head-model.bin");

    /// <summary>Reads the index and, when the model of these files was kept, the model (its vendored packages read on demand through the parse cache).</summary>
    public static async Task<KeptHeadModel> FindAsync(AffectedRequest request, string parseCacheFile, RunRepository repository, Lazy<ParseCache> cache,
        CancellationToken cancellationToken)
    {
        var checkout = GitCheckout.Find(repository, request.MonorepoDirectory);
        var listing = await repository.Index(cancellationToken);
        var keys = new Lazy<IndexContents>(() => listing is null ? IndexContents.Empty : IndexContents.Of(listing, checkout.Prefix));
        var key = listing is not null && DescribedByIndex(checkout, request) && IndexContents.Digest(listing, checkout.Prefix) is { } digest
            ? SavedModel.Key(digest, request.MonorepoDirectory, AffectedAnalysis.ModelOptions(request))
            : null;
        var model = key is null ? null
            : SavedModel.TryLoad(FileBeside(parseCacheFile), key, request.MonorepoDirectory, new Lazy<ModelCache?>(() => new ModelCache(cache.Value, keys.Value)));
        var commit = model is null || listing?.Tree is not { } tree ? null
            : repository.Read(repo => repo.Head.Tip is { } tip && tip.Tree.Sha == tree ? tip.Sha : null, null);
        return new KeptHeadModel(model, commit, key, keys);
    }

    /// <summary>
    /// Keeps <paramref name="model"/>, loaded from the checkout under this lookup's key, when the checkout still holds the
    /// commit after the load, asked again now (a file edited while the model loaded is not kept under the index's key), and
    /// the index is still the one the key was made from.
    /// </summary>
    public async Task SaveAsync(GoWorkspace model, AffectedRequest request, string parseCacheFile, RunRepository repository, string prefix, string sha,
        IReadOnlyList<string> excluded, CancellationToken cancellationToken)
    {
        if (Key is null || Model is not null || !SeenBefore(parseCacheFile, Key)) return;
        if (!await CleanCheckout.HoldsAsync(repository, prefix, sha, excluded, cancellationToken)) return;
        if (await IndexListing.ReadAsync(repository, cancellationToken) is not { } now || IndexContents.Digest(now, prefix) is not { } digest
            || SavedModel.Key(digest, request.MonorepoDirectory, AffectedAnalysis.ModelOptions(request)) != Key)
            return;
        SavedModel.Save(FileBeside(parseCacheFile), Key, model, Keys.Value);
    }

    /// <summary>
    /// Whether the run before this one was over the same index (its key is noted beside the kept model, and this run's is
    /// noted now): a commit analysed once, CI's usual case, would pay the second clean-checkout question and the write
    /// (0.1-0.2 s on moby) for nothing, so a model is kept on the second run over an index and read back from the third.
    /// </summary>
    static bool SeenBefore(string parseCacheFile, string key)
    {
        var note = Path.ChangeExtension(FileBeside(parseCacheFile), ".seen");
        try
        {
            if (File.Exists(note) && File.ReadAllText(note) == key) return true;
            Directory.CreateDirectory(Path.GetDirectoryName(note)!);
            File.WriteAllText(note, key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without the note the model is never kept: only speed is lost.
        }
        return false;
    }

    /// <summary>
    /// Whether a model of the checkout is described by the index alone: the build's own output folders are left out of the
    /// clean-checkout question, so one inside the monorepo must be a folder the model never walks (a name starting with
    /// '.' or '_', as .nuke/temp), or files the index does not describe would be in the model.
    /// </summary>
    static bool DescribedByIndex(GitCheckout checkout, AffectedRequest request) =>
        request.ExcludedFolders.Select(f => RepoPath.FromSystem(checkout.WorkingDirectory, RealPath.Of(f)))
            .Where(e => checkout.Prefix == "." ? !e.StartsWith("..", StringComparison.Ordinal) : RepoPath.IsUnder(e, checkout.Prefix))
            .All(e => (checkout.Prefix == "." ? e : e[(checkout.Prefix.Length + 1)..]).Split('/').Any(GoInputFiles.IsIgnoredName));
}
