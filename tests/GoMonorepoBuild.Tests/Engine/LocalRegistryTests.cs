using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Engine;

public sealed class LocalRegistryTests
{
    readonly int Port = FreePort.Next();

    [Fact]
    public async Task A_local_registry_is_started_on_loopback_accepts_a_push_and_stops()
    {
        Provisioning.Require();
        var engine = RealEngine.Require();
        var ct = TestContext.Current.CancellationToken;
        var options = Provisioning.FreshHome();
        var image = $"127.0.0.1:{Port}/gmb-test/tiny:{Guid.NewGuid():N}";
        try
        {
            var registry = await LocalRegistry.EnsureAsync(options, ct, Port);
            Assert.Equal(new LocalRegistry($"127.0.0.1:{Port}", Provisioned: true), registry);
            Assert.Equal(registry, await LocalRegistry.EnsureAsync(options, ct, Port));

            var tarball = Path.Combine(options.Home, "tiny.tar");
            await File.WriteAllTextAsync(Path.Combine(options.Home, "hello.txt"), "hello", ct);
            await Tool.Named("tar").RunAsync(["-C", options.Home, "-cf", tarball, "hello.txt"], ct);
            await engine.Docker().RunAsync(["import", tarball, image], ct);
            await engine.Docker().RunAsync(["push", image], ct);
            using var http = new HttpClient();
            var catalog = await http.GetStringAsync($"http://127.0.0.1:{Port}/v2/_catalog", ct);
            Assert.Contains("gmb-test/tiny", catalog);
            Assert.Contains(Directory.EnumerateDirectories(Path.Combine(options.Home, "registry", $"data-{Port}"), "*", SearchOption.AllDirectories),
                folder => folder.EndsWith("gmb-test/tiny", StringComparison.Ordinal));

            Assert.True(await LocalRegistry.StopAsync(options, ct, Port));
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync($"http://127.0.0.1:{Port}/v2/", ct));
        }
        finally
        {
            await engine.Docker().TryRunAsync(["image", "rm", image], CancellationToken.None);
            await LocalRegistry.StopAsync(options, CancellationToken.None, Port);
            Provisioning.DeleteHome(options.Home);
        }
    }
}
