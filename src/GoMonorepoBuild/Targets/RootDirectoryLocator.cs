namespace GoMonorepoBuild.Targets;

/// <summary>The build's root: <c>--root</c> if given, else the nearest folder upwards holding <c>.nuke/</c>, else the working folder.</summary>
internal static class RootDirectoryLocator
{
    public static string Find(string workingDirectory, string? rootOption)
    {
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
