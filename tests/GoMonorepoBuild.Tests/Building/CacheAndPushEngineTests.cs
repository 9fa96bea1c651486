using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Building;

/// <summary>--push and --cache against a real registry on loopback and a real cache folder.</summary>
public class CacheAndPushEngineTests
{
    readonly int Port = FreePort.Next();
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Push_with_registry_cache_puts_the_image_its_hash_tag_and_its_cache_in_the_registry_and_the_next_push_run_skips_it()
    {
        RealEngine.Require();
        if (HostSystem.Detect().WhyNotProvisionable() is { } why) Assert.Skip($"cannot start a local registry here: {why}");
        var home = new EngineOptions(Directory.CreateTempSubdirectory("gmb-").FullName)
            .WithPackageCache(new EngineOptions().PackageCache).WithoutAmbientEngine();
        using var build = new RealBuild();
        try
        {
            var registry = await LocalRegistry.EnsureAsync(home, Ct, Port);
            var prefix = registry.Reference("gmb-test-" + Guid.NewGuid().ToString("N")[..8]);

            var result = await build.RunAsync("BuildChanged", "--monorepo", RealBuild.ExampleMonorepo, "--only", "gateway",
                "--push", "--registry", prefix, "--cache", "registry", "--tags", "latest,edge");

            Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
            var gateway = BuildReportFile.Read(build)["gateway"];
            Assert.Equal("built", gateway.Status());
            Assert.StartsWith("sha256:", gateway.Text("digest"));
            var repository = prefix[(registry.Address.Length + 1)..] + "/gateway";
            using var http = new HttpClient();
            var tags = await http.GetStringAsync($"http://{registry.Address}/v2/{repository}/tags/list", Ct);
            Assert.Contains("\"latest\"", tags);
            Assert.Contains("\"edge\"", tags);
            Assert.Contains("\"buildcache\"", tags);
            var log = await File.ReadAllTextAsync(Path.Combine(build.Root, gateway.Text("logFile")), Ct);
            Assert.Contains($"--cache-to type=registry,ref={prefix}/gateway:buildcache,mode=max", log);
            Assert.DoesNotContain("--load", log.Split('\n')[0]);
            Assert.Contains("\"inputs-", tags);

            // The image for these inputs is now in the registry: the next pushing run finds its hash tag there
            // (a manifest lookup, no pull) and skips the service.
            var again = await build.RunAsync("BuildChanged", "--monorepo", RealBuild.ExampleMonorepo, "--only", "gateway",
                "--push", "--registry", prefix, "--cache", "registry");
            Assert.True(again.ExitCode == 0, again.StandardOutput + again.StandardError);
            var skipped = BuildReportFile.Read(build)["gateway"];
            Assert.Equal("skipped", skipped.Status());
            Assert.Contains("image for these inputs already exists", skipped.Text("reason"));
        }
        finally
        {
            await LocalRegistry.StopAsync(home, CancellationToken.None, Port);
            try { Directory.Delete(home.Home, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Local_cache_gives_each_service_its_own_folder_and_the_next_run_imports_it()
    {
        var engine = RealEngine.Require();
        using var build = new RealBuild();
        var cacheDir = Path.Combine(build.Root, "cache");
        var registry = "gmb-test-" + Guid.NewGuid().ToString("N")[..8];
        // --force: the second run must build again (not skip the images the first made) to show the import.
        string[] arguments = ["BuildChanged", "--monorepo", RealBuild.ExampleMonorepo, "--only", "gateway,orders",
            "--registry", registry, "--cache", "local", "--cache-dir", cacheDir, "--force"];
        try
        {
            var first = await build.RunAsync(arguments);
            Assert.True(first.ExitCode == 0, first.StandardOutput + first.StandardError);
            Assert.True(File.Exists(Path.Combine(cacheDir, "gateway", "index.json")), "gateway's cache folder has no index");
            Assert.True(File.Exists(Path.Combine(cacheDir, "orders", "index.json")), "orders' cache folder has no index");

            var second = await build.RunAsync(arguments);
            Assert.True(second.ExitCode == 0, second.StandardOutput + second.StandardError);
            var command = (await File.ReadAllLinesAsync(Path.Combine(build.Root, ".nuke", "temp", "logs", "gateway.log"), Ct))[0];
            Assert.Contains($"--cache-from type=local,src={Path.Combine(cacheDir, "gateway")}", command);
        }
        finally
        {
            await TestImages.RemoveAllOfAsync(engine, registry);
        }
    }
}
