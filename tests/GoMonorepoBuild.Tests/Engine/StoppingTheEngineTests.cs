using GoMonorepoBuild.Engine;

namespace GoMonorepoBuild.Tests.Engine;

public sealed class StoppingTheEngineTests
{
    [Fact]
    public async Task Stopping_a_private_engine_leaves_no_daemon_of_its_home_running()
    {
        Provisioning.Require();
        var ct = TestContext.Current.CancellationToken;
        var options = Provisioning.FreshHome();
        try
        {
            var engine = await DockerEngine.EnsureAsync(options, ct);
            Assert.Contains(Provisioning.ProcessesOf(options.Home), cmd => cmd.Contains("dockerd"));
            Assert.Contains(Provisioning.ProcessesOf(options.Home), cmd => cmd.Contains("containerd"));

            Assert.True(await DockerEngine.StopAsync(options, ct));

            Assert.Empty(Provisioning.ProcessesOf(options.Home));
            Assert.False(File.Exists(Path.Combine(options.Home, "run", "docker.sock")));
            Assert.NotEqual(0, (await engine.Docker().TryRunAsync(["info"], ct)).ExitCode);
            Assert.False(await DockerEngine.StopAsync(options, ct));
        }
        finally
        {
            await DockerEngine.StopAsync(options, CancellationToken.None);
            Provisioning.DeleteHome(options.Home);
        }
    }
}
