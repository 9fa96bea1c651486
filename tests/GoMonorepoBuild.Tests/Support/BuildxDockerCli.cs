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

    /// <summary>
    /// Makes the image <paramref name="tag"/> of its own (a commit of the Go image's container), labelled with a revision
    /// the way BuildChanged labels what it builds.
    /// </summary>
    public async Task CommitWithRevisionAsync(string tag, string revision)
    {
        var container = (await RunAsync("create", "--network", "none", BuildxTestSettings.GoImage, "true")).StandardOutput.Trim();
        try
        {
            var commit = await RunAsync("commit", "--change", $"LABEL org.opencontainers.image.revision={revision}", container, tag);
            Assert.True(commit.ExitCode == 0, commit.StandardError);
        }
        finally
        {
            await RunAsync("rm", "--force", container);
        }
    }

    /// <summary>Removes images; ignores ones that are already gone. Not cancellable: cleanup must run.</summary>
    public async Task RemoveImagesAsync(params string[] tags)
    {
        if (tags.Length > 0) await _docker.TryRunAsync(["image", "rm", "--force", .. tags], CancellationToken.None);
    }
}
