using GoMonorepoBuild.Targets;
namespace GoMonorepoBuild.Engine;

/// <summary>Finds a program on PATH the way a shell would, so we can tell "not installed" from "failed".</summary>
internal static class ExecutableSearch
{
    public static string? Find(string name)
    {
        foreach (var directory in (ProcessEnvironment.Variable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & UnixFileMode.UserExecute) != 0))
                return candidate;
        }
        return null;
    }
}
