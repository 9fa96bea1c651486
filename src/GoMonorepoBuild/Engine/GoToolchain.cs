using System.Text.RegularExpressions;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Engine;

/// <summary>
/// A Go toolchain of a given minor version (e.g. "1.23") on this machine: PATH's <c>go</c> if it is that version,
/// else one cached under the state home, else Debian's golang-&lt;v&gt; packages (bookworm-backports) unpacked there.
/// </summary>
public static partial class GoToolchain
{
    /// <summary>The path of a working <c>go</c> binary of <paramref name="goMinorVersion"/>.</summary>
    public static async Task<string> EnsureAsync(string goMinorVersion, EngineOptions options, CancellationToken cancellationToken)
    {
        if (!MinorVersion().IsMatch(goMinorVersion))
            throw new ArgumentException($"'{goMinorVersion}' is not a Go minor version like 1.23", nameof(goMinorVersion));

        if (ExecutableSearch.Find("go") is { } onPath && await VersionOfAsync(onPath, cancellationToken) is { } pathVersion
            && IsMinor(pathVersion, goMinorVersion))
            return onPath;

        var cached = CachedGo(options, goMinorVersion);
        if (File.Exists(cached) && await VersionOfAsync(cached, cancellationToken) is { } cachedVersion && IsMinor(cachedVersion, goMinorVersion))
            return cached;

        var system = HostSystem.Detect();
        if (!system.IsLinux || !system.IsDebianFamily)
            throw new EngineUnavailableException(
                $"Go {goMinorVersion} is needed but neither PATH's go nor {cached} is go{goMinorVersion}.x, and it can be fetched " +
                $"only on Debian-family Linux ({system.OsName} is not). Install Go {goMinorVersion} and put it on PATH.");

        using (await FileLock.AcquireAsync(Path.Combine(options.Home, "go", goMinorVersion + ".lock"), cancellationToken))
        {
            var apt = new PrivateApt(options.PackageCache);
            Log.Information($"Fetching Go {goMinorVersion} from Debian (golang-{goMinorVersion}-go, golang-{goMinorVersion}-src)");
            IReadOnlyList<string> debs;
            try
            {
                debs = await apt.DownloadAsync(
                    [new($"golang-{goMinorVersion}-go"), new($"golang-{goMinorVersion}-src")], cancellationToken);
            }
            catch (ProcessFailedException e)
            {
                // apt's own text ("Unable to locate package") is the reason; the command line is noise to the user.
                var reason = e.StandardErrorTail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .FirstOrDefault(l => l.StartsWith("E:", StringComparison.Ordinal)) ?? $"apt-get exited with {e.ExitCode}";
                throw new EngineUnavailableException(
                    $"Go {goMinorVersion} is needed but PATH has no go{goMinorVersion}.x, none is cached under {options.Home}/go, and " +
                    $"Debian's archive did not provide golang-{goMinorVersion}-go ({reason}). Install Go {goMinorVersion} and put it " +
                    $"on PATH, or load an image with Go {goMinorVersion} into the engine and pass --go-image <that image>.");
            }
            await apt.UnpackAsync(debs, Path.Combine(options.Home, "go", goMinorVersion), cancellationToken);
        }
        var fetched = await VersionOfAsync(cached, cancellationToken);
        if (fetched is null || !IsMinor(fetched, goMinorVersion))
            throw new EngineUnavailableException(
                $"Debian's golang-{goMinorVersion}-go was unpacked under {options.Home}/go/{goMinorVersion} but '{cached} version' " +
                $"does not report go{goMinorVersion}.x ({fetched ?? "it did not run"}). Delete that folder and run again.");
        return cached;
    }

    /// <summary>The version a go binary reports, e.g. "go1.23.5", or null if it does not run.</summary>
    public static async Task<string?> VersionOfAsync(string go, CancellationToken cancellationToken)
    {
        try
        {
            // GOTOOLCHAIN=local: asking for the version must never switch to (or download) another toolchain.
            var result = await Tool.Named(go).WithEnvironment("GOTOOLCHAIN", "local").WithWorkingDirectory(Path.GetTempPath())
                .TryRunAsync(["version"], cancellationToken);
            var match = ReportedVersion().Match(result.StandardOutput);
            return result.ExitCode == 0 && match.Success ? match.Groups[1].Value : null;
        }
        catch (ProcessFailedException)
        {
            return null;
        }
    }

    static bool IsMinor(string version, string minor) => version == "go" + minor || version.StartsWith("go" + minor + ".", StringComparison.Ordinal);

    static string CachedGo(EngineOptions options, string minor) =>
        Path.Combine(options.Home, "go", minor, "usr", "lib", $"go-{minor}", "bin", "go");

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex MinorVersion();

    [GeneratedRegex(@"go version (go\d+\.\d+(?:\.\d+)?\S*)")]
    private static partial Regex ReportedVersion();
}
