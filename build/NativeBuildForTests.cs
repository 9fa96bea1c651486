using GoMonorepoBuild.Processes;

/// <summary>
/// The native build the tests run their end-to-end builds through (GMB_TEST_BUILD), compiled by build.sh with
/// GMB_NATIVE=1 exactly as on a developer's machine. Null where this machine cannot link one (no clang). Where it can,
/// a failed compile fails the run: a change that breaks the native build must not pass on the managed one alone.
/// </summary>
static class NativeBuildForTests
{
    public static async Task<string?> EnsureAsync(string root, CancellationToken ct)
    {
        var temp = Path.Combine(root, ".nuke", "temp");
        var result = await Tool.Named("bash").WithWorkingDirectory(root).WithEnvironment("GMB_NATIVE", "1")
            .TryRunAsync([Path.Combine(root, "build.sh"), "--help"], ct);
        var log = Path.Combine(temp, "build-native.log");
        var logText = File.Exists(log) ? await File.ReadAllTextAsync(log, ct) : "";
        if (logText.StartsWith("no clang", StringComparison.Ordinal))
        {
            Console.WriteLine($"No native build to test: {logText.Trim()}. The end-to-end tests run the managed build only.");
            return null;
        }
        if (result.ExitCode != 0 || result.StandardError.Contains("native build failed", StringComparison.Ordinal))
            throw new Exception($"The native build failed to compile (GMB_NATIVE=1 ./build.sh; exit code {result.ExitCode}): see {log}.\n{result.StandardError}");
        // No native build where build.sh knows no runtime identifier for this platform.
        var executable = Path.Combine(temp, "build-native", "_build");
        return File.Exists(executable) ? executable : null;
    }
}
