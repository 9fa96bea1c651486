using GoMonorepoBuild.Affected;

namespace GoMonorepoBuild;

public abstract partial class MonorepoBuildCore
{
    Task<IReadOnlyList<NotCheckedOutService>>? notCheckedOut;

    /// <summary>
    /// The services (affected or not) with image inputs a sparse checkout left out of the working folder, each with the
    /// <c>git sparse-checkout add</c> that brings them in; empty in a full checkout (one 8-byte read, no process). Such a
    /// service cannot be built from this checkout, and its model on disk looks broken (a library folder missing): it is
    /// reported as not checked out, never as blocked.
    /// </summary>
    protected Task<IReadOnlyList<NotCheckedOutService>> NotCheckedOutServicesAsync(CancellationToken cancellationToken) =>
        notCheckedOut ??= Changes.SparseCheckout.MayBeSparse(MonorepoDirectory)
            ? SparseWorkTree.NotCheckedOutAsync(Git, MonorepoDirectory, WorkspaceLoadOptions, cancellationToken)
            : Task.FromResult<IReadOnlyList<NotCheckedOutService>>([]);

    /// <summary>The selected (by --only, or all) services of <paramref name="services"/>.</summary>
    IReadOnlyList<NotCheckedOutService> Selected(IReadOnlyList<NotCheckedOutService> services) =>
        OnlyNames.Count == 0 ? services : services.Where(s => NamedByOnly(s.Name)).ToList();
}
