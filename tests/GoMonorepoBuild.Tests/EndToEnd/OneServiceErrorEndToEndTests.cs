using System.Text.Json;
using GoMonorepoBuild.Tests.Building;
using GoMonorepoBuild.Tests.Support;
using LibGit2Sharp;

namespace GoMonorepoBuild.Tests.EndToEnd;

/// <summary>
/// What used to turn one service's unexpected error into every service's "cancelled" (issue 14, item 4), through the
/// real build as a process against the real engine: each service keeps its true status.
/// </summary>
public class OneServiceErrorEndToEndTests
{
    static readonly string[] Services = ["catalog", "orders"];

    [Fact]
    public async Task A_previous_report_full_of_nulls_and_a_branch_named_without_ascii_letters_still_build_both_services()
    {
        var engine = RealEngine.Require();
        using var example = new ExampleRepositoryCopy();
        using (var repo = new Repository(example.Root))
            Commands.Checkout(repo, repo.CreateBranch("功能"));
        using var build = new RealBuild();
        Directory.CreateDirectory(Path.GetDirectoryName(build.ReportFile)!);
        File.WriteAllText(build.ReportFile, """
            {"services":[null,{"name":"orders","path":null,"status":"built","tags":[null],
              "stepDetails":[{"name":null,"cached":true},null],"inputs":{"go.mod":null},"firstMissedStep":{"name":null}}]}
            """);
        var registry = "gmb-e2e-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            var result = await build.RunAsync("BuildChanged", "--monorepo", example.Root, "--only", string.Join(',', Services),
                "--registry", registry, "--tags", "latest,{branch}");

            var output = result.StandardOutput + result.StandardError;
            Assert.True(result.ExitCode == 0, $"BuildChanged failed ({result.ExitCode}):\n{output}");
            Assert.Contains("cannot be used", output);
            var text = File.ReadAllText(build.ReportFile);
            Assert.DoesNotContain("[null", text);
            Assert.DoesNotContain("\"name\": null", text);
            using var report = JsonDocument.Parse(text);
            var rows = report.RootElement.GetProperty("services").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
            foreach (var name in Services)
            {
                Assert.Equal("built", rows[name].GetProperty("status").GetString());
                Assert.Contains(rows[name].GetProperty("tags").EnumerateArray(), t => System.Text.RegularExpressions.Regex.IsMatch(
                    t.GetString()!, $"^{registry}/{name}:branch-[0-9a-f]{{8}}$"));
            }
        }
        finally
        {
            await TestImages.RemoveAllOfAsync(engine, registry);
        }
    }

    [Fact]
    public async Task An_error_in_one_services_job_fails_that_service_with_the_error_and_the_other_is_built()
    {
        var engine = RealEngine.Require();
        using var example = new ExampleRepositoryCopy();
        using var build = new RealBuild();
        // orders' log file cannot be written (a folder stands where it goes): an I/O error inside orders' job only.
        Directory.CreateDirectory(Path.Combine(build.Root, ".nuke", "temp", "logs", "orders.log"));
        var registry = "gmb-e2e-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            var result = await build.RunAsync("BuildChanged", "--monorepo", example.Root, "--only", string.Join(',', Services),
                "--registry", registry);

            var output = result.StandardOutput + result.StandardError;
            Assert.Equal(1, result.ExitCode);
            using var report = JsonDocument.Parse(File.ReadAllText(build.ReportFile));
            var rows = report.RootElement.GetProperty("services").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
            Assert.Equal("built", rows["catalog"].GetProperty("status").GetString());
            Assert.Equal("failed", rows["orders"].GetProperty("status").GetString());
            Assert.Contains("orders.log", rows["orders"].GetProperty("reason").GetString());
            Assert.Contains("1 of 2 services failed", output);
        }
        finally
        {
            await TestImages.RemoveAllOfAsync(engine, registry);
        }
    }
}
