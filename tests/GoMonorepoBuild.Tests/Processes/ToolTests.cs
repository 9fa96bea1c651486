using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Tests.Processes;

public class ToolTests
{
    [Fact]
    public async Task A_failing_command_names_the_command_exit_code_and_stderr()
    {
        var tool = Tool.Named("sh");
        var e = await Assert.ThrowsAsync<ProcessFailedException>(() =>
            tool.RunAsync(["-c", "echo boom >&2; exit 3"], TestContext.Current.CancellationToken));
        Assert.Equal(3, e.ExitCode);
        Assert.Contains("sh -c", e.Message);
        Assert.Contains("exit code 3", e.Message);
        Assert.Contains("boom", e.Message);
    }

    [Fact]
    public async Task A_missing_executable_is_a_clear_failure()
    {
        var e = await Assert.ThrowsAsync<ProcessFailedException>(() =>
            Tool.Named("no-such-tool-xyz").RunAsync(["--version"], TestContext.Current.CancellationToken));
        Assert.Contains("could not start 'no-such-tool-xyz'", e.Message);
    }

    [Fact]
    public async Task Environment_variables_reach_the_process()
    {
        var result = await Tool.Named("sh").WithEnvironment("GMB_PROBE", "42")
            .RunAsync(["-c", "echo $GMB_PROBE"], TestContext.Current.CancellationToken);
        Assert.Equal("42", result.StandardOutput.Trim());
    }
}
