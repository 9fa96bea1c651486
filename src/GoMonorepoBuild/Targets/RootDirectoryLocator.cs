namespace GoMonorepoBuild.Targets;

/// <summary>
/// The build's root: <c>--root</c> if given, else <c>GMB_ROOT</c> (set by build.sh/build.ps1 to their own folder, so
/// the build works from any working folder), else the nearest folder upwards holding <c>.nuke/</c>, else the working folder.
/// </summary>
internal static class RootDirectoryLocator
{
    public static string Find(string workingDirectory, string? rootOption, string? bootstrapRoot = null)
    {
        // A GMB_ROOT that names nothing is a mistake, like a wrong --root: falling back to the working folder would write
        // .nuke/ there and make it the root of every later run below it.
        if (rootOption is null && !string.IsNullOrEmpty(bootstrapRoot))
        {
            var root = Path.GetFullPath(bootstrapRoot, workingDirectory);
            return Directory.Exists(root)
                ? root
                : throw new UsageException($"GMB_ROOT={bootstrapRoot}: the folder {root} does not exist. Unset GMB_ROOT or point it at the build's folder (build.sh sets it to its own).");
        }
        if (rootOption is not null)
        {
            var root = Path.GetFullPath(rootOption, workingDirectory);
            return Directory.Exists(root) ? root : throw new UsageException($"--root {rootOption}: the folder {root} does not exist.");
        }
        for (var directory = new DirectoryInfo(workingDirectory); directory is not null; directory = directory.Parent)
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
                return directory.FullName;
        return Path.GetFullPath(workingDirectory);
    }
}
