using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Building;

/// <summary>Cleans up what a test's run put in the shared engine's image store.</summary>
static class TestImages
{
    /// <summary>Removes every image tagged under <paramref name="registry"/> (a test's unique prefix). Not cancellable: cleanup must run.</summary>
    public static async Task RemoveAllOfAsync(DockerEnvironment engine, string registry)
    {
        var docker = new BuildxDockerCli(engine);
        var listed = await GoMonorepoBuild.Processes.Tool.Named("docker").WithEnvironment(engine.Variables())
            .TryRunAsync(["image", "ls", "--format", "{{.Repository}}:{{.Tag}}", "--filter", $"reference={registry}/*"], CancellationToken.None);
        var tags = listed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        await docker.RemoveImagesAsync(tags);
    }
}
