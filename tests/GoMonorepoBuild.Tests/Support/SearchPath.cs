namespace GoMonorepoBuild.Tests.Support;

/// <summary>Whether a tool a test needs (clang, flock) is installed, found the way the shell finds it.</summary>
public static class SearchPath
{
    public static bool HasAny(params string[] names) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => names.Any(name => File.Exists(Path.Combine(folder, name))));
}
