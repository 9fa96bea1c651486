using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Setup;

/// <summary>
/// A user's Go monorepo: examples/monorepo (services/, libs/; not this repository's build), or a fixture folder, at the root of a fresh
/// git repository, with a nuget.config of the user's own (its own package folder); the scaffold's --feed adds the packed
/// feed beside the build project.
/// </summary>
public sealed class ScaffoldedRepository : IDisposable
{
    readonly ExampleRepositoryCopy copy;
    readonly string packages = Directory.CreateTempSubdirectory("gmb-packages-").FullName;

    /// <param name="from">The monorepo to copy (default examples/monorepo).</param>
    public ScaffoldedRepository(string? from = null)
    {
        copy = new ExampleRepositoryCopy(from);
        // Its own package folder: a framework repacked under the same version must not come from the machine's cache;
        // the machine's cache serves the framework's dependencies as a fallback, so they are not downloaded again.
        var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(PathOf("nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packages}" />
              </config>
              <fallbackPackageFolders>
                <add key="machine" value="{machinePackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    public string Root => copy.Root;

    public string PathOf(string relative) => copy.PathOf(relative);

    public string Commit(string message) => copy.Commit(message);

    /// <summary>
    /// ./build.sh as a user runs it from the repository root, with the test's Docker engine in the environment; managed
    /// only (GMB_NATIVE=0), so that no test leaves a native compile running in the background of a deleted folder.
    /// </summary>
    public Task<ProcessResult> BuildAsync(params string[] arguments) => BuildAsync([new("GMB_NATIVE", "0")], arguments);

    /// <summary>./build.sh with extra environment variables (e.g. GMB_NATIVE=1).</summary>
    public Task<ProcessResult> BuildAsync(IEnumerable<KeyValuePair<string, string?>> environment, params string[] arguments) =>
        Tool.Named(PathOf("build.sh"))
            .WithWorkingDirectory(Root)
            .WithEnvironment("NO_COLOR", "1")
            .WithEnvironment(environment)
            // The test host's MSBuild and NuGet settings must not leak into the user's build.
            .WithEnvironment("GMB_ROOT", null)
            .WithEnvironment("NUGET_PACKAGES", null)
            .WithEnvironment("MSBuildExtensionsPath", null)
            .WithEnvironment("MSBuildSDKsPath", null)
            .WithEnvironment("MSBUILD_EXE_PATH", null)
            .TryRunAsync(arguments, TestContext.Current.CancellationToken);

    public void Dispose()
    {
        copy.Dispose();
        try { Directory.Delete(packages, recursive: true); }
        catch (IOException) { /* left to the OS's temp cleanup */ }
    }
}
