using GoMonorepoBuild;
using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Targets;

/// <summary>This repository's own build: the framework used exactly as a user's build would use it.</summary>
partial class Build : MonorepoBuild
{
    public static int Main() => Execute<Build>(x => x.BuildChanged);

    [Parameter("Only run tests whose name matches this dotnet test filter (e.g. FullyQualifiedName~Workspace)")]
    string? TestFilter { get; set; }

    string TestResultsDirectory => Path.Combine(TemporaryDirectory, "test-results");

    // A standard target overridden, as a user's build would: the framework's StopEngine (base.StopEngine(_)), ordered
    // after Test, so that `./build.sh Test StopEngine` stops the private engine only once the tests are done with it.
    public override Target StopEngine => _ => base.StopEngine(_).After(Test);

    Target Test => _ => _
        .Description("Provision the engine, Go and the builder image, then run the whole test suite against them")
        .DependsOn(EnsureEngine, EnsureGo)
        .Executes(async ct =>
        {
            var builder = await BuilderImageFor(GoVersions.Fallback, ct);
            if (Directory.Exists(TestResultsDirectory)) Directory.Delete(TestResultsDirectory, recursive: true);
            var native = await NativeBuildForTests.EnsureAsync(RootDirectory, ct);
            var dotnet = Tool.Named(DotNetHost.Path)
                .WithWorkingDirectory(RootDirectory)
                .WithEnvironment("GMB_TEST_BUILD", native)
                // Builds the tests start through a build.sh compile no native build of their own in the background.
                .WithEnvironment("GMB_NATIVE", "0")
                .WithEnvironment(Docker.Variables())
                .WithEnvironment("GMB_GO", GoBinary)
                .WithEnvironment("GMB_GO_IMAGE", builder.Reference)
                .WithEnvironment("GMB_BUILD_NETWORK", Docker.BuildNetwork ?? "default")
                // Tests start builds of their own in temp folders: they must not inherit this build's root.
                .WithEnvironment("GMB_ROOT", null);
            string[] arguments =
            [
                "test", Path.Combine(RootDirectory, "GoMonorepoBuild.sln"), "-nologo",
                "--logger", "trx", "--logger", "console;verbosity=normal", "--results-directory", TestResultsDirectory,
                .. TestFilter is null ? Array.Empty<string>() : ["--filter", TestFilter],
            ];
            var result = await dotnet.RunStreamingAsync(arguments, Console.WriteLine, Console.Error.WriteLine, validate: false, ct);
            Directory.CreateDirectory(TestResultsDirectory);
            var trx = Directory.Exists(TestResultsDirectory) ? Directory.GetFiles(TestResultsDirectory, "*.trx", SearchOption.AllDirectories) : [];
            var summary = TestSummary.FromTrxFiles(trx);
            var failures = summary.FailuresText();
            if (failures.Length > 0) Console.WriteLine(failures);
            Console.WriteLine(summary.ToString());
            await File.WriteAllTextAsync(Path.Combine(TestResultsDirectory, "summary.txt"),
                (failures.Length > 0 ? failures + "\n" : "") + summary + "\n", ct);
            if (result.ExitCode != 0)
                throw new Exception($"dotnet test failed with exit code {result.ExitCode} ({summary}); results in {TestResultsDirectory}");
            if (summary.Total == 0)
                throw new Exception("dotnet test ran no test: check the --test-filter and the test project.");
        });
}
