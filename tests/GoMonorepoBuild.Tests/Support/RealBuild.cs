using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Tests.Support;

/// <summary>
/// This repository's real build (build/_build.csproj, built before the tests) run as a process, the way
/// `./build.sh` runs it, but rooted in a temp folder so its reports and generated files stay there.
/// </summary>
public sealed class RealBuild : IDisposable
{
    public RealBuild()
    {
        Root = Directory.CreateTempSubdirectory("gmb-e2e-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, ".nuke"));
    }

    /// <summary>The build's root: holds .nuke/ and so .nuke/temp/reports, logs and generated Dockerfiles.</summary>
    public string Root { get; }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ExampleMonorepo => Path.Combine(RepositoryRoot, "examples", "monorepo");

    public string ReportFile => Path.Combine(Root, ".nuke", "temp", "reports", "build-report.json");

    public Task<ProcessResult> RunAsync(params string[] arguments) => RunAsync([], arguments);

    /// <summary>Runs with extra environment variables, e.g. another engine's DOCKER_HOST and DOCKER_CONFIG.</summary>
    public Task<ProcessResult> RunAsync(IEnumerable<KeyValuePair<string, string?>> environment, params string[] arguments) =>
        RunAsync(Command(), environment, arguments);

    /// <summary>Runs the managed build (dotnet build/_build.dll) even where the tests run the native one.</summary>
    public Task<ProcessResult> RunManagedAsync(params string[] arguments) => RunAsync(ManagedCommand(), [], arguments);

    Task<ProcessResult> RunAsync(IReadOnlyList<string> command, IEnumerable<KeyValuePair<string, string?>> environment, string[] arguments) =>
        Tool.Named(command[0])
            .WithWorkingDirectory(Root)
            .WithEnvironment("GMB_ROOT", null)
            .WithEnvironment("NO_COLOR", "1")
            .WithEnvironment(environment)
            .TryRunAsync([.. command.Skip(1), .. arguments, "--root", Root], TestContext.Current.CancellationToken);

    /// <summary>
    /// The build as a command line: the native executable the Test target compiled (GMB_TEST_BUILD), which is what
    /// build.sh runs on a developer's machine, else the managed build through dotnet (what CI's fresh clones run).
    /// </summary>
    public static IReadOnlyList<string> Command() => NativeExecutable() is { } native ? [native] : ManagedCommand();

    static IReadOnlyList<string> ManagedCommand() => ["dotnet", BuildDll()];

    /// <summary>The native build under test, when the Test target compiled one (null under a plain `dotnet test`).</summary>
    public static string? NativeExecutable() =>
        Environment.GetEnvironmentVariable("GMB_TEST_BUILD") is { Length: > 0 } path && File.Exists(path) ? path : null;

    public static string BuildDll()
    {
        // Same configuration as this test assembly (…/bin/<Configuration>/net10.0/).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(RepositoryRoot, "build", "bin", configuration, "net10.0", "_build.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The build project's output {dll} is missing: build the solution first.");
    }

    static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GoMonorepoBuild.sln")))
                return dir.FullName;
        throw new InvalidOperationException("GoMonorepoBuild.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a build still holding a file: the temp folder is cleaned by the OS */ }
    }
}
