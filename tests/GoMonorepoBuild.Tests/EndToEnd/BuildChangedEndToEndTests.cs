using System.Text.Json;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.EndToEnd;

/// <summary>`./build.sh BuildChanged` on the example monorepo against the real engine, as a user runs it.</summary>
public class BuildChangedEndToEndTests
{
    // payments needs CA certificates and scheduler zoneinfo: their health checks fail in an image without them.
    static readonly string[] Services = ["payments", "scheduler"];

    [Fact]
    public async Task Building_two_example_services_gives_small_healthy_images_and_a_second_build_is_fully_cached()
    {
        var engine = RealEngine.Require();
        var docker = new BuildxDockerCli(engine);
        using var build = new RealBuild();
        var registry = "gmb-e2e-" + Guid.NewGuid().ToString("N")[..8];
        string[] arguments = ["BuildChanged", "--monorepo", RealBuild.ExampleMonorepo, "--only", string.Join(',', Services), "--registry", registry];
        var images = new List<string>();
        try
        {
            var first = await build.RunAsync(arguments);
            Assert.True(first.ExitCode == 0, $"BuildChanged failed ({first.ExitCode}):\n{first.StandardOutput}\n{first.StandardError}");
            var report = ReadReport(build);
            foreach (var name in Services)
            {
                var service = report[name];
                Assert.Equal("built", service.GetProperty("status").GetString());
                Assert.Equal($"services/{name}", service.GetProperty("path").GetString());
                var image = service.GetProperty("image").GetString()!;
                images.AddRange(service.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
                Assert.StartsWith($"{registry}/{name}:", image);
                Assert.InRange(service.GetProperty("imageSizeBytes").GetInt64(), 1, 10 * 1024 * 1024 - 1);

                var health = await docker.RunAsync("run", "--rm", "--network", "none", image, "-healthcheck");
                Assert.True(health.ExitCode == 0, $"{name} -healthcheck exited {health.ExitCode}: {health.StandardError}");
                var user = await docker.RunAsync("image", "inspect", "--format", "{{.Config.User}}", image);
                Assert.Equal("65532:65532", user.StandardOutput.Trim());
            }

            // --force builds even though images for these inputs exist: every step must come from BuildKit's cache.
            var second = await build.RunAsync([.. arguments, "--force"]);
            Assert.True(second.ExitCode == 0, $"second BuildChanged failed ({second.ExitCode}):\n{second.StandardOutput}");
            foreach (var (name, service) in ReadReport(build))
            {
                var steps = service.GetProperty("steps");
                Assert.True(steps.GetProperty("total").GetInt32() > 0, $"{name} reported no steps");
                Assert.True(steps.GetProperty("cached").GetInt32() == steps.GetProperty("total").GetInt32(),
                    $"{name}: {steps.GetProperty("cached")} of {steps.GetProperty("total")} steps cached on the second build");
            }
        }
        finally
        {
            await docker.RemoveImagesAsync([.. images.Distinct()]);
        }
    }

    [Fact]
    public async Task An_unknown_service_in_only_fails_naming_the_closest_service_and_builds_nothing()
    {
        RealEngine.Require();
        using var build = new RealBuild();
        var result = await build.RunAsync("BuildChanged", "--monorepo", RealBuild.ExampleMonorepo, "--only", "payment");
        Assert.NotEqual(0, result.ExitCode);
        var output = result.StandardOutput + result.StandardError;
        Assert.Contains("'payment' (did you mean 'payments'?)", output);
        Assert.False(File.Exists(build.ReportFile), "no service should have been built");
    }

    static Dictionary<string, JsonElement> ReadReport(RealBuild build)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(build.ReportFile));
        return doc.RootElement.GetProperty("services").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.Clone());
    }
}
