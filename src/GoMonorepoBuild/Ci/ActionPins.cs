namespace GoMonorepoBuild.Ci;

/// <summary>
/// Every third-party action the generated workflow uses, in one table so a bump is one line here plus
/// <c>./build.sh GenerateCi</c>. Tags can be moved; commits cannot, so the workflow names commits.
/// </summary>
public static class ActionPins
{
    public static PinnedAction Checkout { get; } =
        new("actions/checkout", "11bd71901bbe5b1630ceea73d27597364c9af683", "v4.2.2");

    public static PinnedAction SetupDotnet { get; } =
        new("actions/setup-dotnet", "67a3573c9a986a3f9c594539f4ab511d57bb3ce9", "v4.3.1");

    public static PinnedAction UploadArtifact { get; } =
        new("actions/upload-artifact", "ea165f8d65b6e75b540449e92b4886f43607fa02", "v4.6.2");

    public static PinnedAction DownloadArtifact { get; } =
        new("actions/download-artifact", "d3f86a106a0bac45b974a628896c90dbdf5c8093", "v4.3.0");

    public static PinnedAction SetupBuildx { get; } =
        new("docker/setup-buildx-action", "b5ca514318bd6ebac0fb2aedd5d36ec1b5c232a2", "v3.10.0");

    /// <summary>Restores the carried Go cache folder (actions/cache v4's restore-only half).</summary>
    public static PinnedAction CacheRestore { get; } =
        new("actions/cache/restore", "5a3ec84eff668545956fd18022155c47e93e2684", "v4.2.3");

    /// <summary>Saves the carried Go cache folder; separate from the restore so it also runs after a failed build.</summary>
    public static PinnedAction CacheSave { get; } =
        new("actions/cache/save", "5a3ec84eff668545956fd18022155c47e93e2684", "v4.2.3");

    /// <summary>
    /// Exposes ACTIONS_RUNTIME_TOKEN and the cache service URLs to <c>run:</c> steps: buildx's <c>type=gha</c> cache
    /// needs them and GitHub hands them only to actions.
    /// </summary>
    public static PinnedAction GitHubRuntime { get; } =
        new("crazy-max/ghaction-github-runtime", "3cb05d89e1f492524af3d41a1c98c83bc3025124", "v3.1.0");

    public static IReadOnlyList<PinnedAction> All { get; } =
        [Checkout, SetupDotnet, UploadArtifact, DownloadArtifact, SetupBuildx, GitHubRuntime, CacheRestore, CacheSave];
}
