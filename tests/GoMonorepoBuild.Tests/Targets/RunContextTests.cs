using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Tests.Targets;

/// <summary>The run context a build gets from its invocation, and the one CI rule it applies.</summary>
public class RunContextTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_run_is_CI_when_CI_is_set_and_not_false(string? value, bool ci)
    {
        var environment = value is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["CI"] = value };

        Assert.Equal(ci, new RunContext(environment, TextWriter.Null, CancellationToken.None).IsCi);
    }

    [Fact]
    public void An_in_process_build_sees_the_invocations_environment_output_and_cancellation_not_the_processes()
    {
        using var cancellation = new CancellationTokenSource();
        var output = new StringWriter();
        var invocation = new BuildInvocation([], new Dictionary<string, string> { ["GITHUB_REF_NAME"] = "feature/x" }, ".", output, TextWriter.Null,
            cancellation.Token);

        var run = RunContext.From(invocation);

        Assert.Equal("feature/x", run.Variable("GITHUB_REF_NAME"));
        Assert.Null(run.Variable("PATH"));
        Assert.Same(output, run.Out);
        Assert.Equal(cancellation.Token, run.Cancellation);
    }
}
