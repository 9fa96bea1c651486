using System.Text.Json;
using GoMonorepoBuild.Tests.Building;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.EndToEnd;

/// <summary>
/// Issue 15 item 4 through the real build as a process against the real engine: a broken go.mod blocks only the
/// services depending on it. A healthy service builds and the run succeeds; asking for a blocked one reports it failed
/// with the problem naming file:line, and the run exits non-zero.
/// </summary>
public class BlockedServiceEndToEndTests
{
    [Fact]
    public async Task A_broken_shared_module_blocks_only_its_services_and_only_a_selected_blocked_service_fails_the_run()
    {
        var engine = RealEngine.Require();
        using var example = new ExampleRepositoryCopy();
        // libs/auth is used by gateway and payments only; a require without a version does not parse.
        example.Append("libs/auth/go.mod", "\nrequire example.com/missing-version\n");
        using var build = new RealBuild();
        var registry = "gmb-e2e-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            var healthy = await build.RunAsync("BuildChanged", "--monorepo", example.Root, "--only", "catalog", "--registry", registry);

            var output = healthy.StandardOutput + healthy.StandardError;
            Assert.True(healthy.ExitCode == 0, $"BuildChanged --only catalog failed ({healthy.ExitCode}):\n{output}");
            Assert.Contains("service gateway (services/gateway) is blocked: libs/auth/go.mod:", output);
            Assert.Equal(["catalog"], Rows(build).Keys);
            Assert.Equal("built", Rows(build)["catalog"].GetProperty("status").GetString());

            var asked = await build.RunAsync("BuildChanged", "--monorepo", example.Root, "--only", "catalog,gateway", "--registry", registry);

            output = asked.StandardOutput + asked.StandardError;
            Assert.Equal(1, asked.ExitCode);
            var rows = Rows(build);
            Assert.Equal("skipped", rows["catalog"].GetProperty("status").GetString());
            Assert.Equal("failed", rows["gateway"].GetProperty("status").GetString());
            Assert.Equal("services/gateway", rows["gateway"].GetProperty("path").GetString());
            Assert.StartsWith("blocked: libs/auth/go.mod:", rows["gateway"].GetProperty("reason").GetString());
            Assert.Contains("1 of 2 services failed", output);
        }
        finally
        {
            await TestImages.RemoveAllOfAsync(engine, registry);
        }
    }

    static Dictionary<string, JsonElement> Rows(RealBuild build)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(build.ReportFile));
        return report.RootElement.GetProperty("services").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.Clone());
    }
}
