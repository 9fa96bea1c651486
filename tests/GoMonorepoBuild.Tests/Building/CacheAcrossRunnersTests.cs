using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Tests.Engine;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Building;

/// <summary>
/// Two runners: two freshly provisioned engines (A and B), each with its own data root, sharing nothing but a
/// loopback registry, as two CI runners would.
/// </summary>
public class CacheAcrossRunnersTests
{
    readonly int Port = FreePort.Next();
    readonly int SeedPort = FreePort.Next();
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_cold_runner_reuses_the_layers_another_runner_exported_and_then_rebuilds_only_the_edited_service(bool sharedBuilderImage)
    {
        Provisioning.Require();
        // Both runners are fresh engines. With runner A on the suite's long-lived engine, B found only 16 of 54 steps
        // in CI and after a day of benchmarks on one machine, never on a fresh engine nor when rerun alone on a fresh
        // machine: what the suite leaves in that engine, not what this test is about (stop 32's note on issue 19).
        var homeA = Provisioning.FreshHome();
        var homeB = Provisioning.FreshHome();
        using var example = new ExampleRepositoryCopy();
        using var runnerA = new RealBuild();
        using var runnerB = new RealBuild();
        var unique = "gmb-runners-" + Guid.NewGuid().ToString("N")[..8];
        var engineAStarted = false;
        var engineBStarted = false;
        try
        {
            var registry = await LocalRegistry.EnsureAsync(homeB, Ct, Port);
            string[] arguments = ["BuildChanged", "--monorepo", example.Root, "--registry", unique,
                "--cache", "registry", "--cache-ref", registry.Reference(unique + "/cache")];
            var engineA = await DockerEngine.EnsureAsync(homeA, Ct);
            engineAStarted = true;
            // Fresh homes share this machine's package cache (Provisioning.FreshHome): a home of its own would fetch
            // whatever the mirror serves today, while the long-lived home may hold older .debs (another image).
            var seededOnA = await BuilderImage.ResolveAsync(engineA, GoVersions.Fallback, null, homeA, Ct);
            Assert.True(seededOnA.Seeded, $"runner A did not seed its builder image: {seededOnA.Origin}");
            if (sharedBuilderImage)
            {
                // Both runners build FROM one published builder image, the way teams share one.
                var goImage = registry.Reference($"{unique}/go:{GoVersions.Fallback}");
                await engineA.Docker().RunAsync(["tag", seededOnA.Reference, goImage], Ct);
                await engineA.Docker().RunAsync(["push", goImage], Ct);
                arguments = [.. arguments, "--go-image", goImage];
            }
            // Otherwise runner B seeds the builder image offline itself (below), from the same package versions as A, as
            // two runners provisioned from one mirror do: the same image id, so BuildKit finds A's steps under the same keys.

            // GMB_HOME: the build then knows each engine as a private one (no bridge network) rather than a configured one.
            var onRunnerA = engineA.Variables().Append(new("GMB_HOME", homeA.Home)).ToList();
            var onA = await RunAsync(runnerA, onRunnerA, arguments);
            Assert.All(onA.Values, s => Assert.Equal("built", s.Status()));

            var engineB = await DockerEngine.EnsureAsync(homeB, Ct);
            engineBStarted = true;
            if (!sharedBuilderImage)
            {
                var seededOnB = await BuilderImage.ResolveAsync(engineB, GoVersions.Fallback, null, homeB, Ct);
                Assert.True(seededOnB.Seeded, $"runner B did not seed its builder image: {seededOnB.Origin}");
            }
            var onRunnerB = engineB.Variables().Append(new("GMB_HOME", homeB.Home)).ToList();

            var cold = await RunAsync(runnerB, onRunnerB, arguments);
            Assert.Equal(onA.Keys.Order(), cold.Keys.Order());
            Assert.All(cold.Values, s => Assert.Equal("built", s.Status()));
            var total = cold.Values.Sum(s => s.GetProperty("steps").GetProperty("total").GetInt32());
            var cached = cold.Values.Sum(s => s.GetProperty("steps").GetProperty("cached").GetInt32());
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"runner B, cold: {cached}/{total} steps cached, {cold.Values.Sum(s => s.GetProperty("durationMs").GetInt64())} ms of builds");
            Assert.True(total > 0, "runner B's report counts no steps");
            Assert.True(cached * 10 >= total * 9,
                $"runner B, cold, found only {cached} of {total} steps in A's registry cache\n" + CacheLines(runnerA, onA, "A") + CacheLines(runnerB, cold, "B"));

            example.Append("services/gateway/internal/routes/routes.go", $"\n// edited on runner B: {unique}\n");
            example.Commit("edit the gateway");
            var edited = await RunAsync(runnerB, onRunnerB, arguments);
            Assert.Equal(["gateway"], edited.Values.Where(s => s.Status() == "built").Select(s => s.GetProperty("name").GetString()));
            Assert.All(edited.Where(s => s.Key != "gateway"), s => Assert.Equal("skipped", s.Value.Status()));
        }
        finally
        {
            if (engineBStarted) await DockerEngine.StopAsync(homeB, CancellationToken.None);
            if (engineAStarted) await DockerEngine.StopAsync(homeA, CancellationToken.None);
            await LocalRegistry.StopAsync(homeB, CancellationToken.None, Port);
            Provisioning.DeleteHome(homeA.Home);
            Provisioning.DeleteHome(homeB.Home);
        }
    }

    [Fact]
    public async Task Runners_that_seed_the_builder_image_offline_get_the_same_image_so_BuildKit_shares_their_cached_steps()
    {
        Provisioning.Require();
        var home = Provisioning.FreshHome();
        var context = Directory.CreateTempSubdirectory("gmb-seed-cache-").FullName;
        var started = false;
        var registryStarted = false;
        try
        {
            var engine = await DockerEngine.EnsureAsync(home, Ct);
            started = true;
            // A step of its own: only a cache hit from the first seeding can answer it on the second.
            File.WriteAllText(Path.Combine(context, "Dockerfile"),
                $"FROM {OfflineGoImage.Tag(GoVersions.Fallback)}\nRUN echo {Guid.NewGuid():N} > /seeded-step\n");
            // Two seedings at different times stand for two runners: the folders, links and files the seed creates
            // get the time of day as mtime, and docker import used to stamp it into the config; neither may reach the image.
            var seedings = new List<(string Id, string Layers, bool StepCached)>();
            for (var runner = 0; runner < 2; runner++)
            {
                var image = await BuilderImage.ResolveAsync(engine, GoVersions.Fallback, null, home, Ct);
                Assert.True(image.Seeded, $"{image.Reference} was not seeded: {image.Origin}");
                var inspect = await engine.Docker().RunAsync(["image", "inspect", "--format", "{{.Id}}|{{json .RootFS.Layers}}", image.Reference], Ct);
                var parts = inspect.StandardOutput.Trim().Split('|');
                if (runner == 0)
                {
                    // Publishing the seeded image (as teams do to share it) must not change its id on this runner.
                    var registry = await LocalRegistry.EnsureAsync(home, Ct, SeedPort);
                    registryStarted = true;
                    var published = registry.Reference("seeded/go:" + GoVersions.Fallback);
                    await engine.Docker().RunAsync(["tag", image.Reference, published], Ct);
                    await engine.Docker().RunAsync(["push", published], Ct);
                    var afterPush = await engine.Docker().RunAsync(["image", "inspect", "--format", "{{.Id}}", image.Reference], Ct);
                    Assert.Equal(parts[0], afterPush.StandardOutput.Trim());
                    await engine.Docker().RunAsync(["image", "rm", published], Ct);
                }
                var build = await engine.Docker().RunAsync(["buildx", "build", "--progress=plain", "--network", "none",
                    "--output", "type=cacheonly", context], Ct);
                var runStep = build.StandardError.Split('\n').First(l => l.Contains("RUN echo", StringComparison.Ordinal)).Split(' ')[0];
                seedings.Add((parts[0], parts[1], build.StandardError.Contains($"{runStep} CACHED", StringComparison.Ordinal)));
                await engine.Docker().RunAsync(["image", "rm", image.Reference], Ct);
                await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
            }

            Assert.Equal(seedings[0].Layers, seedings[1].Layers);
            // BuildKit keys the FROM of a build on the image's digest, not its layers: the ids must agree too.
            Assert.Equal(seedings[0].Id, seedings[1].Id);
            Assert.False(seedings[0].StepCached, "the first seeding's step was cached before it ever ran");
            Assert.True(seedings[1].StepCached, "the second seeding's step missed the cache the first one filled");
        }
        finally
        {
            if (started) await DockerEngine.StopAsync(home, CancellationToken.None);
            if (registryStarted) await LocalRegistry.StopAsync(home, CancellationToken.None, SeedPort);
            Provisioning.DeleteHome(home.Home);
            Directory.Delete(context, recursive: true);
        }
    }

    /// <summary>What each service's log says about the cache (imports, exports, errors): why B missed, when it does.</summary>
    static string CacheLines(RealBuild runner, Dictionary<string, System.Text.Json.JsonElement> services, string name) =>
        string.Concat(services.Values.Select(s =>
        {
            var log = Path.Combine(runner.Root, s.Text("logFile"));
            var lines = File.Exists(log)
                ? File.ReadLines(log).Where(l => l.Contains("cache", StringComparison.OrdinalIgnoreCase) || l.Contains("error", StringComparison.OrdinalIgnoreCase)
                    || l.Contains("CACHED", StringComparison.Ordinal) || l.Contains("--cache", StringComparison.Ordinal))
                : ["(no log at " + log + ")"];
            return $"--- runner {name}, {s.GetProperty("name").GetString()}:\n" + string.Join('\n', lines.Take(40)) + "\n";
        }));

    static async Task<Dictionary<string, System.Text.Json.JsonElement>> RunAsync(
        RealBuild runner, IEnumerable<KeyValuePair<string, string?>> environment, string[] arguments)
    {
        var result = await runner.RunAsync(environment, arguments);
        Assert.True(result.ExitCode == 0, $"BuildChanged exited {result.ExitCode}:\n{result.StandardOutput}\n{result.StandardError}");
        return BuildReportFile.Read(runner);
    }
}
