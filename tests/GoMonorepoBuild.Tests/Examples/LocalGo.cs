using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Examples;

/// <summary>
/// The Go toolchain tests run the example with: $GMB_GO, else `go` on PATH. Without one, tests skip
/// locally and FAIL in CI (CI=true), where a missing toolchain is a broken setup, not a reason to pass.
/// Configured for this offline machine: no toolchain switching, no module proxy.
/// </summary>
public static class LocalGo
{
    public static Tool Require()
    {
        var go = Find();
        if (go is null)
        {
            const string why = "no Go toolchain: set GMB_GO to a Go 1.23+ 'go' binary or put 'go' on PATH";
            if (RealEngine.IsCi) Assert.Fail(why);
            Assert.Skip(why);
        }
        return Tool.Named(go!)
            .WithEnvironment("GOTOOLCHAIN", "local")
            .WithEnvironment("GOPROXY", "off")
            .WithEnvironment("GOFLAGS", "-mod=mod")
            .WithEnvironment("CGO_ENABLED", "0")
            .WithEnvironment(CacheVariables());
    }

    static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("GMB_GO");
        if (!string.IsNullOrEmpty(configured))
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"GMB_GO points to '{configured}', which does not exist.");
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "go.exe" : "go"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Go's default caches live under HOME; where that is not writable, use a stable temp folder instead.</summary>
    static IEnumerable<KeyValuePair<string, string?>> CacheVariables()
    {
        if (Environment.GetEnvironmentVariable("GOCACHE") is { Length: > 0 })
            yield break;
        var home = Environment.GetEnvironmentVariable("HOME");
        var cacheHome = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache");
        if (cacheHome is not null && IsWritable(cacheHome))
            yield break;
        var temp = Path.Combine(Path.GetTempPath(), "gmb-tests-go");
        yield return new("GOCACHE", Path.Combine(temp, "cache"));
        yield return new("GOPATH", Path.Combine(temp, "path"));
    }

    static bool IsWritable(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".gmb-probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
