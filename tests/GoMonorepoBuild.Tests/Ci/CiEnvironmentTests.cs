using GoMonorepoBuild.Ci;
using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Tests.Targets;

namespace GoMonorepoBuild.Tests.Ci;

public class CiEnvironmentTests
{
    static Dictionary<string, string?> Env(params (string Name, string? Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => v.Value);

    [Theory]
    [InlineData("GITHUB_ACTIONS", "true", CiKind.GitHubActions)]
    [InlineData("GITLAB_CI", "true", CiKind.GitLabCi)]
    [InlineData("CI", "true", CiKind.Generic)]
    [InlineData("CI", "1", CiKind.Generic)]
    [InlineData("CI", "false", CiKind.None)]
    [InlineData("CI", "", CiKind.None)]
    [InlineData("HOME", "/root", CiKind.None)]
    public void The_ci_is_told_by_its_own_variables(string name, string value, CiKind expected) =>
        Assert.Equal(expected, CiEnvironment.Detect(Env((name, value)), TextWriter.Null).Kind);

    [Fact]
    public void Github_and_gitlab_are_recognised_beside_the_ci_variable_they_also_set()
    {
        Assert.Equal(CiKind.GitHubActions, CiEnvironment.Detect(Env(("CI", "true"), ("GITHUB_ACTIONS", "true")), TextWriter.Null).Kind);
        Assert.Equal(CiKind.GitLabCi, CiEnvironment.Detect(Env(("CI", "true"), ("GITLAB_CI", "true")), TextWriter.Null).Kind);
    }

    [Fact]
    public void Outside_ci_every_feature_is_silent()
    {
        var log = new StringWriter();
        var ci = CiEnvironment.Detect(Env(), log);
        ci.BeginGroup("orders");
        ci.Annotate(AnnotationLevel.Error, "orders", "broken");
        ci.EndGroup();
        ci.WriteOutputs([new("any", "true")]);
        ci.AppendJobSummary("# report");
        Assert.False(ci.IsCi);
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public void Github_outputs_are_appended_with_multi_line_values_in_heredoc_form()
    {
        using var temp = new TempFolder();
        var output = temp.Write("output", "earlier=1\n");
        var ci = CiEnvironment.Detect(Env(("GITHUB_ACTIONS", "true"), ("GITHUB_OUTPUT", output)), TextWriter.Null);

        ci.WriteOutputs([new("any", "true"), new("matrix", "{\n  \"include\": []\n}")]);

        var lines = File.ReadAllText(output).Split('\n');
        Assert.Equal("earlier=1", lines[0]);
        Assert.Equal("any=true", lines[1]);
        Assert.Matches("^matrix<<ghadelimiter_[0-9a-f]{32}$", lines[2]);
        var delimiter = lines[2]["matrix<<".Length..];
        Assert.Equal(["{", "  \"include\": []", "}", delimiter, ""], lines[3..]);
    }

    [Fact]
    public void A_value_holding_its_delimiter_line_is_refused_rather_than_cut_short()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            GitHubOutputFile.Format([new("x", "a\nEOF\nb")], () => "EOF"));
        Assert.Contains("'x'", error.Message);
    }

    [Fact]
    public void Github_without_an_output_file_says_which_variable_is_missing()
    {
        var ci = CiEnvironment.Detect(Env(("GITHUB_ACTIONS", "true")), TextWriter.Null);
        var error = Assert.Throws<InvalidOperationException>(() => ci.WriteOutputs([new("any", "true")]));
        Assert.Contains("GITHUB_OUTPUT", error.Message);
    }

    [Fact]
    public void The_job_summary_is_appended_not_overwritten()
    {
        using var temp = new TempFolder();
        var summary = temp.Write("summary.md", "# Earlier step\n");
        var ci = CiEnvironment.Detect(Env(("GITHUB_ACTIONS", "true"), ("GITHUB_STEP_SUMMARY", summary)), TextWriter.Null);
        ci.AppendJobSummary("## Build report");
        Assert.Equal("# Earlier step\n## Build report\n", File.ReadAllText(summary));
    }

    [Fact]
    public void A_summary_over_githubs_limit_is_cut_with_a_note_instead_of_being_rejected()
    {
        using var temp = new TempFolder();
        var summary = temp.Write("summary.md", "");
        var ci = CiEnvironment.Detect(Env(("GITHUB_ACTIONS", "true"), ("GITHUB_STEP_SUMMARY", summary)), TextWriter.Null);
        ci.AppendJobSummary(new string('x', 2 * 1024 * 1024));
        var written = new FileInfo(summary).Length;
        Assert.InRange(written, 1, 1024 * 1024);
        Assert.Contains("cut here", File.ReadAllText(summary));
    }

    [Fact]
    public void Github_groups_wrap_a_section_of_the_log()
    {
        var log = new StringWriter();
        var ci = CiEnvironment.Detect(Env(("GITHUB_ACTIONS", "true")), log);
        using (ci.Group("Build orders"))
            log.WriteLine("step 1");
        Assert.Equal("::group::Build orders\nstep 1\n::endgroup::\n", log.ToString().Replace("\r\n", "\n"));
    }

    [Fact]
    public void Github_annotations_escape_percent_and_line_breaks_and_in_properties_colons_and_commas()
    {
        var log = new StringWriter();
        var ci = CiEnvironment.Detect(Env(("GITHUB_ACTIONS", "true")), log);
        ci.Annotate(AnnotationLevel.Error, "orders: v1, beta", "100% failed\r\nsee: log, line 2");
        Assert.Equal("::error title=orders%3A v1%2C beta::100%25 failed%0D%0Asee: log, line 2", log.ToString().TrimEnd());
    }

    [Fact]
    public void A_failed_build_becomes_an_error_annotation_and_a_summary()
    {
        using var temp = new TempFolder();
        var summary = temp.Write("summary.md", "");
        var log = new StringWriter();
        var ci = CiEnvironment.Detect(Env(("GITHUB_ACTIONS", "true"), ("GITHUB_STEP_SUMMARY", summary)), log);
        ci.ReportBuild(new BuildReport([
            new ServiceReport("orders", "services/orders", ServiceStatus.Failed) { Reason = "go build failed", LogFile = ".nuke/temp/logs/orders.log" },
            new ServiceReport("payments", "services/payments", ServiceStatus.Built),
        ]));
        Assert.Equal("::error title=orders::orders failed: go build failed (log: .nuke/temp/logs/orders.log)", log.ToString().TrimEnd());
        Assert.Contains("| orders | ❌ failed |", File.ReadAllText(summary));
    }

    [Fact]
    public void Gitlab_sections_are_collapsible_and_named_safely()
    {
        var log = new StringWriter();
        var ci = CiEnvironment.Detect(Env(("GITLAB_CI", "true"), ("CI", "true")), log);
        ci.BeginGroup("Build orders/api");
        ci.EndGroup();
        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^\u001b\[0Ksection_start:\d+:gmb_1_Build_orders_api\[collapsed=true\]\r\u001b\[0KBuild orders/api\r?$", lines[0]);
        Assert.Matches(@"^\u001b\[0Ksection_end:\d+:gmb_1_Build_orders_api\r\u001b\[0K\r?$", lines[1]);
    }
}
