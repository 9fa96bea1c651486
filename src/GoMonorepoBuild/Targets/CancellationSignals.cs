using System.Runtime.InteropServices;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// Ctrl-C and SIGTERM cancel the build's token, so the running target can stop its processes; a second Ctrl-C exits
/// at once with 130.
/// </summary>
internal sealed class CancellationSignals : IDisposable
{
    readonly CancellationTokenSource source = new();
    readonly PosixSignalRegistration? terminate;

    CancellationSignals()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        if (!OperatingSystem.IsWindows())
            terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                Cancel();
            });
    }

    public CancellationToken Token => source.Token;

    public static CancellationSignals Install() => new();

    void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (source.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled again: exiting now.");
            Environment.Exit(ExitCodes.Cancelled);
        }
        e.Cancel = true;
        Cancel();
    }

    void Cancel()
    {
        Console.Error.WriteLine("Cancelling: stopping the running target (press Ctrl-C again to exit at once).");
        source.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        terminate?.Dispose();
        source.Dispose();
    }
}
