using System.Collections;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// The one reader of the process's environment variables (a test fails when anything else in src/ reads them). A run
/// reads its variables from <see cref="RunContext.Environment"/>, taken from here once; what is not the run's (the
/// engine's socket and paths, PATH, the cache home) is read here by name.
/// </summary>
public static class ProcessEnvironment
{
    /// <summary>A variable's value (empty when set empty), or null when it is not set.</summary>
    public static string? Variable(string name) => Environment.GetEnvironmentVariable(name);

    /// <summary>Every variable, as the process has them now.</summary>
    public static IReadOnlyDictionary<string, string> Snapshot()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            variables[(string)entry.Key] = (string?)entry.Value ?? "";
        return variables;
    }
}
