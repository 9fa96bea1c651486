using System.Runtime.InteropServices;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// Ctrl-C and SIGTERM cancel the build's token, so the running target can stop its processes and write its report.
/// A second Ctrl-C still exits quickly (130) but stops hard first (<see cref="HardStop"/>): it kills every process the
/// run started with its whole tree, gives the target <see cref="RunGrace"/> to end by itself, else lets it write what
/// it knows within <see cref="RecordGrace"/>. A third Ctrl-C exits at once (after the same kill).
/// </summary>
internal sealed class CancellationSignals : IDisposable
{
    /// <summary>How long a target whose processes were killed gets to end by itself (writing its report as usual).</summary>
    public static readonly TimeSpan RunGrace = TimeSpan.FromSeconds(3);

    /// <summary>How long the registered recorders then get to write what they know.</summary>
    public static readonly TimeSpan RecordGrace = TimeSpan.FromSeconds(2);

    readonly CancellationTokenSource source = new();
    readonly TaskCompletionSource runEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly PosixSignalRegistration? terminate;
    // Ctrl-C presses (and a SIGTERM, which counts as the first), counted atomically: the handlers of signals sent back
    // to back run at the same time, and a check of the token would let both take themselves for the first.
    int presses;

    CancellationSignals()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        if (!OperatingSystem.IsWindows())
            terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                if (Interlocked.CompareExchange(ref presses, 1, 0) == 0) Cancel();
            });
    }

    public CancellationToken Token => source.Token;

    public static CancellationSignals Install() => new();

    /// <summary>The run returned <paramref name="exitCode"/>: the exit code to use (130 once a hard stop began).</summary>
    public int Ended(int exitCode)
    {
        runEnded.TrySetResult();
        return Volatile.Read(ref presses) > 1 ? ExitCodes.Cancelled : exitCode;
    }

    void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        // Never the runtime's own exit: this handler decides when the process ends.
        e.Cancel = true;
        var press = Interlocked.Increment(ref presses);
        if (press == 1)
        {
            Cancel();
            return;
        }
        if (press > 2)
        {
            Console.Error.WriteLine("Cancelled a third time: exiting now.");
            HardStop.OfProcess.Kill();
            Environment.Exit(ExitCodes.Cancelled);
        }

        Console.Error.WriteLine("Cancelled again: killing every process this run started, writing what is known, then exiting.");
        HardStop.OfProcess.Kill();
        if (runEnded.Task.Wait(RunGrace))
            return; // it wrote its report itself; Main returns 130
        HardStop.OfProcess.Record(RecordGrace);
        Console.Error.Flush();
        Environment.Exit(ExitCodes.Cancelled);
    }

    void Cancel()
    {
        Console.Error.WriteLine("Cancelling: stopping the running target (press Ctrl-C again to exit within seconds).");
        source.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        terminate?.Dispose();
        source.Dispose();
    }
}
