using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Tests.Targets;

/// <summary>
/// A build compiled next to the tests (the test project builds it), run as a real process: <c>dotnet &lt;dll&gt; args</c>,
/// with CI=true (plain output) and without the variables the fixture's parameters would read.
/// </summary>
internal sealed record BuildProcess(string Dll)
{
    /// <summary>tests/Fixtures/SampleBuild.</summary>
    public static BuildProcess Sample => new(Output("tests/Fixtures/SampleBuild", "SampleBuild.dll"));

    /// <summary>This repository's own build/ project.</summary>
    public static BuildProcess Repository => new(Output("build", "_build.dll"));

    public Task<ProcessResult> RunAsync(string workingDirectory, params string[] args) =>
        Command(workingDirectory).TryRunAsync([Dll, .. args], TestContext.Current.CancellationToken);

    public Tool Command(string workingDirectory) => Tool.Named("dotnet")
        .WithWorkingDirectory(workingDirectory)
        .WithEnvironment("CI", "true")
        .WithEnvironment("REGISTRY", null)
        .WithEnvironment("GREETINGS", null);

    // The tests run from tests/GoMonorepoBuild.Tests/bin/<configuration>/<framework>/; the builds land in the same shape.
    static string Output(string project, string dll)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var path = Path.Combine(GoMonorepoBuild.Tests.Support.RealBuild.RepositoryRoot, project, "bin", configuration, framework, dll);
        Assert.True(File.Exists(path), $"{path} is missing: the test project should have built it (ProjectReference)");
        return path;
    }
}
