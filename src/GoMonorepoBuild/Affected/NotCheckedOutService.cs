using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Affected;

/// <summary>
/// A service some of whose image inputs a sparse checkout left out of the working tree: it is analysed from the
/// commit's tree, but cannot be built from this checkout until <see cref="Folders"/> (relative to the repository root)
/// are added to it. The one wording of "not checked out" that Affected, BuildChanged and Graph print.
/// </summary>
public sealed record NotCheckedOutService(string Name, IReadOnlyList<string> Folders, int MissingFiles)
{
    /// <summary>The service's folder, relative to the monorepo root.</summary>
    public string Path { get; init; } = "";

    /// <summary>What to run to check the service's inputs out (works in cone and non-cone mode).</summary>
    public string Command => "git sparse-checkout add " + string.Join(' ', Folders);

    /// <summary>The reason a report row gives: <c>not checked out: libs/x is outside the sparse checkout; run git sparse-checkout add libs/x</c>.</summary>
    public string Reason =>
        $"not checked out: {string.Join(", ", Folders)} {(Folders.Count == 1 ? "is" : "are")} outside the sparse checkout; run {Command}";

    /// <summary>The warning a run prints for it when the changes affect it.</summary>
    public string Describe() =>
        $"{Name} is affected, but {MissingFiles} of its input files ({string.Join(", ", Folders)}) are outside this sparse checkout: " +
        $"it was analysed from the commit's tree and cannot be built from this checkout; to build it here run: {Command}";

    /// <summary>
    /// What brings the missing input <paramref name="path"/> in: its module's folder when the whole module is left out (a
    /// library module, as a build reads all of it), else the file's own folder, since in a one-module repository the
    /// module is the whole repository and adding it would undo the sparse checkout; a file at the repository's root
    /// (only a non-cone checkout leaves one out) is its own pattern.
    /// </summary>
    static string ToAdd(GoWorkspace model, string prefix, SparseCheckout sparse, string path)
    {
        var module = model.ModuleContaining(path);
        if (module is not null && module.Dir != "." && sparse.IsSkipped(RepoPath.Combine(prefix, RepoPath.Combine(module.Dir, "go.mod"))))
            return RepoPath.Combine(prefix, module.Dir);
        var folder = RepoPath.Combine(prefix, RepoPath.Parent(path));
        return folder == "." ? path : folder;
    }

    /// <summary>
    /// Every service of <paramref name="model"/> (the monorepo with every file checked out, at <paramref name="prefix"/>
    /// in its repository) with image inputs <paramref name="sparse"/> left out, each with the folders to add
    /// (<see cref="ToAdd"/>), relative to the repository root.
    /// </summary>
    public static IReadOnlyList<NotCheckedOutService> In(GoWorkspace model, string prefix, SparseCheckout sparse)
    {
        var list = new List<NotCheckedOutService>();
        if (!sparse.IsSparse) return list;
        foreach (var service in model.Services)
        {
            var missing = service.ImageInputs.Where(p => sparse.IsSkipped(RepoPath.Combine(prefix, p))).ToList();
            if (missing.Count == 0) continue;
            var folders = missing.Select(p => ToAdd(model, prefix, sparse, p))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            // A folder below another listed one adds nothing to the checkout.
            folders = folders.Where(f => !folders.Any(o => o != f && RepoPath.IsUnder(f, o))).ToList();
            list.Add(new NotCheckedOutService(service.Name, folders, missing.Count) { Path = service.Path });
        }
        return list;
    }
}
