using GoMonorepoBuild.Ci;
using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Tests.Targets;

namespace GoMonorepoBuild.Tests.Ci;

/// <summary>The CI targets run in-process, as a user's build would run them, against temp folders.</summary>
public sealed class CiTargetsTests : IDisposable
{
    sealed class CiBuild : MonorepoBuild;

    readonly TempFolder root = new();

    public CiTargetsTests() => Directory.CreateDirectory(Path.Combine(root.Path, ".nuke"));

    async Task<(InProcessBuild Run, string CiLog)> RunAsync(IReadOnlyDictionary<string, string?> ciVariables, params string[] args)
    {
        var ciLog = new StringWriter();
        var build = new CiBuild { CiEnvironment = CiEnvironment.Detect(ciVariables, ciLog) };
        var run = await InProcessBuild.RunAsync(build, root.Path, args);
        return (run, ciLog.ToString());
    }

    static readonly Dictionary<string, string?> NoCi = new();

    string File(string relative) => Path.Combine(root.Path, relative);

    [Fact]
    public async Task GenerateCi_writes_both_configurations_and_a_second_run_changes_nothing()
    {
        var (first, _) = await RunAsync(NoCi, "GenerateCi", "--monorepo", "examples/monorepo");
        Assert.Equal(0, first.ExitCode);
        var github = System.IO.File.ReadAllText(File(".github/workflows/build-changed.yml"));
        var gitlab = System.IO.File.ReadAllText(File(".gitlab/build-changed.yml"));
        Assert.Equal(GitHubWorkflow.Generate(new CiSettings().WithMonorepo("examples/monorepo")), github);
        Assert.StartsWith("# " + CiPaths.Header, gitlab);

        var (second, _) = await RunAsync(NoCi, "GenerateCi", "--monorepo", "examples/monorepo", "--ci-check");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("up to date", second.Output);
        Assert.Equal(github, System.IO.File.ReadAllText(File(".github/workflows/build-changed.yml")));
    }

    [Fact]
    public async Task The_check_fails_and_names_the_file_when_settings_changed_since_generation()
    {
        await RunAsync(NoCi, "GenerateCi", "--ci-provider", "github");
        var (check, _) = await RunAsync(NoCi, "GenerateCi", "--ci-provider", "github", "--ci-main-branch", "trunk", "--ci-check");
        Assert.NotEqual(0, check.ExitCode);
        Assert.Contains(".github/workflows/build-changed.yml", check.Output + check.Error);
        Assert.Contains("run ./build.sh GenerateCi", check.Output + check.Error);
        Assert.False(Directory.Exists(File(".gitlab")));
    }

    [Fact]
    public async Task Output_paths_can_be_chosen()
    {
        var (run, _) = await RunAsync(NoCi, "GenerateCi", "--ci-provider", "gitlab", "--gitlab-pipeline-file", "ci/pipeline.yml");
        Assert.Equal(0, run.ExitCode);
        Assert.True(System.IO.File.Exists(File("ci/pipeline.yml")));
    }

    [Fact]
    public async Task PublishAffected_hands_the_matrix_and_any_to_later_github_jobs()
    {
        root.Write("affected.json", """{"include":[{"service":"orders","path":"services/orders"}]}""");
        var output = root.Write("github-output", "");
        var (run, _) = await RunAsync(new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_OUTPUT"] = output },
            "PublishAffected", "--affected-json", "affected.json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "matrix={\"include\":[{\"service\":\"orders\",\"path\":\"services/orders\"}]}\nany=true\n",
            System.IO.File.ReadAllText(output));
    }

    [Fact]
    public async Task With_nothing_affected_any_is_false()
    {
        root.Write("affected.json", """{"include":[]}""");
        var output = root.Write("github-output", "");
        await RunAsync(new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_OUTPUT"] = output },
            "PublishAffected", "--affected-json", "affected.json");
        Assert.EndsWith("any=false\n", System.IO.File.ReadAllText(output));
    }

    [Fact]
    public async Task More_affected_services_than_a_github_matrix_can_run_fail_with_what_to_do()
    {
        root.Write("affected.json", AffectedMatrix.ToMatrixJson(Enumerable.Range(0, 257).Select(i => new AffectedService($"s{i}", $"services/s{i}"))));
        var output = root.Write("github-output", "");
        var (run, _) = await RunAsync(new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_OUTPUT"] = output },
            "PublishAffected", "--affected-json", "affected.json");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("at most 256 jobs", run.Output + run.Error);
        Assert.Equal("", System.IO.File.ReadAllText(output));
    }

    [Fact]
    public async Task GenerateGitLabChildPipeline_writes_a_job_per_affected_service()
    {
        root.Write(CiPaths.AffectedJson, """{"base":"a","head":"b","changedFiles":[],"services":[{"name":"orders","path":"services/orders","reasons":[]}],"ignoredFiles":[],"fallback":null}""");
        var (run, _) = await RunAsync(NoCi, "GenerateGitLabChildPipeline");
        Assert.Equal(0, run.ExitCode);
        var child = CiYaml.Parse(System.IO.File.ReadAllText(File(CiPaths.GitLabChildPipeline)));
        Assert.Contains("build orders", child.Keys());
    }

    [Fact]
    public async Task GenerateGitLabChildPipeline_without_the_affected_file_says_how_to_make_it()
    {
        var (run, _) = await RunAsync(NoCi, "GenerateGitLabChildPipeline", "--affected-json", "missing.json");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("./build.sh Affected", run.Output + run.Error);
    }

    [Fact]
    public async Task MergeReports_writes_one_report_and_the_job_summary_and_fails_for_a_service_without_a_report()
    {
        BuildReportJson.Write(new BuildReport([new ServiceReport("orders", "services/orders", ServiceStatus.Built) { Reason = "selected" }]),
            File(".nuke/temp/ci/reports/build-report-0/build-report.json"));
        var summary = root.Write("summary.md", "");

        var (run, _) = await RunAsync(new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary },
            "MergeReports", "--expect-services", "orders,payments");

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("payments", run.Output + run.Error);
        var merged = BuildReportJson.Deserialize(System.IO.File.ReadAllText(File(BuildReportJson.DefaultRelativePath)));
        Assert.Equal(["orders", "payments"], merged.Services.Select(s => s.Name));
        Assert.Equal(System.IO.File.ReadAllText(File(".nuke/temp/reports/build-report.md")), System.IO.File.ReadAllText(summary));
        Assert.Contains("| payments | ❌ failed |", System.IO.File.ReadAllText(summary));
    }

    [Fact]
    public async Task MergeReports_of_a_run_where_nothing_was_affected_succeeds()
    {
        var (run, _) = await RunAsync(NoCi, "MergeReports", "--expect-services", "");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("nothing to build", System.IO.File.ReadAllText(File(".nuke/temp/reports/build-report.md")));
    }

    public void Dispose() => root.Dispose();
}
