using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Tests.Reports;

public sealed class ReportWarmUpTests
{
    [Fact]
    public void The_warm_up_renders_every_part_of_its_report_without_failing()
    {
        // Start swallows errors (it is only a head start); a sample a renderer rejects would make it silently useless.
        ReportWarmUp.Run();
    }

    [Fact]
    public async Task Starting_the_warm_up_completes_without_an_error()
    {
        var warm = ReportWarmUp.Start();
        await warm.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.True(warm.IsCompletedSuccessfully);
    }
}
