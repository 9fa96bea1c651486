using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Tests.Support;

/// <summary>The docker CLI pointed at the test engine, for checking what a build produced and cleaning up after it.</summary>
public sealed class BuildxDockerCli(DockerEnvironment environment)
{
    readonly Tool _docker = Tool.Named("docker").WithEnvironment(environment.Variables());

    public Task<ProcessResult> RunAsync(params string[] arguments) =>
        _docker.TryRunAsync(arguments, TestContext.Current.CancellationToken);

    /// <summary>A unique tag, so parallel tests and earlier runs never share an image.</summary>
    public static string UniqueTag(string name) => $"gmb-test-{name}:{Guid.NewGuid():N}"[..^20];

    /// <summary>Removes images; ignores ones that are already gone. Not cancellable: cleanup must run.</summary>
    public async Task RemoveImagesAsync(params string[] tags)
    {
        if (tags.Length > 0) await _docker.TryRunAsync(["image", "rm", "--force", .. tags], CancellationToken.None);
    }
}
