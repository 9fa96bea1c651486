using GoMonorepoBuild.Building;
using GoMonorepoBuild.Reports;
using Spectre.Console;

namespace GoMonorepoBuild.Tests.Reports.Progress;

/// <summary>The terminal display, rendered into a string by an interactive Spectre console.</summary>
public class LiveBuildProgressTests
{
    [Fact]
    public async Task Each_service_ends_on_its_outcome_and_a_failure_is_written_out_with_its_log_tail()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });

        var result = await LiveBuildProgress.RunAsync(console, ["api", "web"], async progress =>
        {
            progress.Started("api", "reg/api:abc");
            progress.StepStarted("api", "[build 5/7] RUN go build");
            await Task.Delay(50, TestContext.Current.CancellationToken);
            progress.Finished(new ServiceReport("api", "services/api", ServiceStatus.Built) { Steps = new StepCounts(9, 9) });
            progress.Started("web", "reg/web:abc");
            progress.Finished(new ServiceReport("web", "services/web", ServiceStatus.Failed)
                { Reason = "compile error", ErrorTail = "main.go:3: undefined: x" });
            return 42;
        });

        var text = output.ToString();
        Assert.Equal(42, result);
        Assert.Contains("built 9/9 cached", text);
        Assert.Contains("failed: compile error", text);
        Assert.Contains("web: FAILED (compile error)\nmain.go:3: undefined: x", text.ReplaceLineEndings("\n"));
    }
}
