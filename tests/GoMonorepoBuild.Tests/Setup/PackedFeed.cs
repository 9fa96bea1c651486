using System.Xml.Linq;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Setup;

/// <summary>
/// The framework and the template package packed into a temp folder feed, as a release would publish them; and a
/// private template hive with the template installed, so the machine's own `dotnet new` list stays untouched.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("gmb-feed-").FullName;

    public string TemplateHive => Path.Combine(Folder, "template-hive");

    public static string FrameworkProject => Path.Combine(RealBuild.RepositoryRoot, "src", "GoMonorepoBuild", "GoMonorepoBuild.csproj");

    public static string TemplateProject =>
        Path.Combine(RealBuild.RepositoryRoot, "templates", "GoMonorepoBuild.Templates", "GoMonorepoBuild.Templates.csproj");

    public static string TemplateJson =>
        Path.Combine(RealBuild.RepositoryRoot, "templates", "GoMonorepoBuild.Templates", "content", "GoMonorepoBuild", ".template.config", "template.json");

    /// <summary>The package version a project file declares (its &lt;Version&gt;).</summary>
    public static string VersionOf(string project) =>
        XDocument.Load(project).Descendants("Version").Single().Value;

    public static Tool Dotnet => Tool.Named("dotnet")
        .WithEnvironment("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
        .WithEnvironment("DOTNET_NOLOGO", "1");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        // The framework as the tests compiled it (same configuration, no second compile racing the test run).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        await Dotnet.RunAsync(["pack", FrameworkProject, "-c", configuration, "--no-build", "--no-restore", "-o", Folder, "-nologo", "-v", "q"], ct);
        await Dotnet.RunAsync(["pack", TemplateProject, "-o", Folder, "-nologo", "-v", "q"], ct);
        await Dotnet.RunAsync(["new", "install", TemplatePackage, "--debug:custom-hive", TemplateHive], ct);
    }

    public string FrameworkPackage => Path.Combine(Folder, $"GoMonorepoBuild.{VersionOf(FrameworkProject)}.nupkg");

    public string TemplatePackage => Path.Combine(Folder, $"GoMonorepoBuild.Templates.{VersionOf(TemplateProject)}.nupkg");

    /// <summary>
    /// Packs the framework at <paramref name="version"/> into this folder as a newer release would be: compiled from a
    /// copy of its sources (so the test run's own build output is never rebuilt under it), its version in the assembly.
    /// </summary>
    public async Task PackFrameworkAsync(string version)
    {
        var ct = TestContext.Current.CancellationToken;
        var copy = Directory.CreateTempSubdirectory("gmb-framework-src-").FullName;
        try
        {
            var root = RealBuild.RepositoryRoot;
            foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "LICENSE" }.Where(f => File.Exists(Path.Combine(root, f))))
                File.Copy(Path.Combine(root, file), Path.Combine(copy, file));
            var source = Path.GetDirectoryName(FrameworkProject)!;
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(source, file);
                if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj") continue;
                var target = Path.Combine(copy, "src", "GoMonorepoBuild", relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            await Dotnet.RunAsync(["pack", Path.Combine(copy, "src", "GoMonorepoBuild", "GoMonorepoBuild.csproj"), "-c", "Release", "-o", Folder,
                $"-p:Version={version}", "-nologo", "-v", "q"], ct);
        }
        finally
        {
            try { Directory.Delete(copy, recursive: true); }
            catch (IOException) { /* left to the OS's temp cleanup */ }
        }
    }

    /// <summary>`dotnet new gomonorepobuild --feed` this folder, in <paramref name="directory"/> with the private hive.</summary>
    public Task<ProcessResult> ScaffoldAsync(string directory, params string[] options) =>
        Dotnet.WithWorkingDirectory(directory)
            .TryRunAsync(["new", "gomonorepobuild", "--debug:custom-hive", TemplateHive, "--feed", Folder, .. options], TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* left to the OS's temp cleanup */ }
        return ValueTask.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "Packed feed";
}
