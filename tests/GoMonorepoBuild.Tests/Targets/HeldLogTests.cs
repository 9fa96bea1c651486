using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Tests.Targets;

/// <summary>Work overlapped with other work holds its log lines until they are replayed where they belong.</summary>
public sealed class HeldLogTests
{
    [Fact]
    public async Task Lines_of_held_work_come_after_what_was_logged_meanwhile_and_only_once()
    {
        var output = new StringWriter();
        Log.Output = new LogOutput(output, TextWriter.Null, Verbosity.Normal);
        var release = new TaskCompletionSource();

        var held = HeldLog.Start(async () =>
        {
            Log.Information("from the held work");
            await release.Task;
            return 42;
        });
        Log.Information("meanwhile");
        release.SetResult();
        var result = await held;

        Assert.Equal(42, result.Replay());
        Assert.Equal(42, result.Replay());
        Assert.Equal(["meanwhile", "from the held work"], output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task The_exception_of_held_work_is_thrown_by_replay_after_its_lines()
    {
        var output = new StringWriter();
        Log.Output = new LogOutput(output, TextWriter.Null, Verbosity.Normal);

        var result = await HeldLog.Start<int>(() =>
        {
            Log.Warning("before failing");
            throw new TimeoutException("the engine did not answer");
        });

        Assert.False(result.Succeeded);
        Assert.Equal("", output.ToString());
        var thrown = Assert.Throws<TimeoutException>(() => result.Replay());
        Assert.Equal("the engine did not answer", thrown.Message);
        Assert.Equal("warning: before failing" + Environment.NewLine, output.ToString());
    }
}
