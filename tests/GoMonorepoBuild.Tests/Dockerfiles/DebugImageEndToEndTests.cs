using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Dockerfiles;

/// <summary>`./build.sh BuildDebugImage --only <service>` on the example monorepo, as a user debugs a service.</summary>
public sealed class DebugImageEndToEndTests : IDisposable
{
    readonly RealBuild _build = new();
    readonly BuildxDockerCli _docker = new(RealEngine.Require());
    readonly string _registry = "gmb-debug-" + Guid.NewGuid().ToString("N")[..8];

    Task<ProcessResult> RunAsync(params string[] more) =>
        _build.RunAsync(["BuildDebugImage", "--monorepo", RealBuild.ExampleMonorepo, "--registry", _registry, .. more]);

    [Fact]
    public async Task The_debug_image_of_a_named_service_has_a_shell_and_is_tagged_debug()
    {
        var tag = $"{_registry}/orders:debug";
        try
        {
            var result = await RunAsync("--only", "orders");
            Assert.True(result.ExitCode == 0, $"BuildDebugImage failed ({result.ExitCode}):\n{result.StandardOutput}\n{result.StandardError}");

            var shell = await _docker.RunAsync("run", "--rm", "--network", "none", "--entrypoint", "sh", tag, "-c", "id -u && /app -healthcheck");
            Assert.True(shell.ExitCode == 0, shell.StandardOutput + shell.StandardError);
            Assert.Equal("65532", shell.StandardOutput.Trim().Split('\n')[0]);
            var images = await _docker.RunAsync("image", "ls", "--format", "{{.Repository}}:{{.Tag}}", $"{_registry}/orders");
            Assert.Equal(tag, images.StandardOutput.Trim());
        }
        finally
        {
            await _docker.RemoveImagesAsync(tag);
        }
    }

    [Fact]
    public async Task Without_only_nothing_is_built_and_the_message_says_to_name_a_service()
    {
        var result = await RunAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--only", result.StandardOutput + result.StandardError);
        Assert.DoesNotContain("GenerateDockerfiles", result.StandardOutput);
    }

    public void Dispose() => _build.Dispose();
}
