namespace GoMonorepoBuild.Affected;

/// <summary>
/// An affected service some of whose image inputs a sparse checkout left out of the working tree: it was analysed from
/// the commit's tree, but cannot be built from this checkout until <see cref="Folders"/> (relative to the repository
/// root) are added to it.
/// </summary>
public sealed record NotCheckedOutService(string Name, IReadOnlyList<string> Folders, int MissingFiles)
{
    /// <summary>What to run to check the service's inputs out (works in cone and non-cone mode).</summary>
    public string Command => "git sparse-checkout add " + string.Join(' ', Folders);

    /// <summary>The warning a run prints for it.</summary>
    public string Describe() =>
        $"{Name} is affected, but {MissingFiles} of its input files ({string.Join(", ", Folders)}) are outside this sparse checkout: " +
        $"it was analysed from the commit's tree and cannot be built from this checkout; to build it here run: {Command}";
}
