using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Targets;

/// <summary>
/// A cycle-free graph (Restore → Compile → Test/Publish), a target that fails, one that requires a parameter, one that
/// waits to be cancelled, and unlisted ones (one runs a process tree that only a second Ctrl-C stops).
/// </summary>
class Build : BuildBase
{
    public static int Main() => Execute<Build>(x => x.Compile);

    [Parameter("Registry to publish to")] string? Registry { get; set; }

    [Parameter("How many times to say hello")] int Greetings { get; set; } = 1;

    Target Restore => _ => _
        .Description("Restores packages")
        .Executes(() => Log.Information("restoring"));

    Target Compile => _ => _
        .Description("Compiles the code")
        .DependsOn(Restore)
        .Executes(() =>
        {
            for (var i = 0; i < Greetings; i++)
                Log.Information("hello from Compile");
        });

    Target Test => _ => _
        .DependsOn(Compile)
        .Executes(() => Log.Information("testing"));

    Target Publish => _ => _
        .Description("Publishes the image")
        .DependsOn(Compile)
        .After(Test)
        .Requires(() => Registry)
        .Executes(() => Log.Information($"publishing to {Registry}"));

    Target Announce => _ => _
        .TriggeredBy(Publish)
        .Executes(() => Log.Information("announced"));

    Target Fail => _ => _
        .Description("Always fails")
        .Executes(() => throw new InvalidOperationException("the fixture failed on purpose", new IOException("disk on fire")));

    Target Wait => _ => _
        .Description("Waits until cancelled")
        .Executes(async cancellationToken =>
        {
            Log.Information("waiting");
            await Task.Delay(TimeSpan.FromMinutes(5), cancellationToken);
        });

    Target Secret => _ => _.Unlisted().Executes(() => { });

    /// <summary>
    /// A process tree run without the target's token (so Ctrl-C does not stop it): only a second Ctrl-C, which kills
    /// every process the run started, ends it. Its sleeps last $SAMPLE_SLEEP seconds (a test's marker).
    /// </summary>
    Target Stubborn => _ => _
        .Unlisted()
        .Executes(async _ =>
        {
            var seconds = Environment.GetEnvironmentVariable("SAMPLE_SLEEP") ?? "600";
            await Tool.Named("sh").RunStreamingAsync(
                ["-c", $"sleep {seconds} & sh -c 'sleep {seconds}; true' & echo started; wait"],
                line => Log.Information(line), null);
        });
}
