using System.Runtime.ExceptionServices;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// Work started early on the thread pool with its log lines held back, to be written where they belong in the run's
/// order (<see cref="Held{T}.Replay"/>): work overlapped with other work must not interleave its lines with theirs, so a
/// run's log reads the same however the overlap turned out.
/// </summary>
internal static class HeldLog
{
    /// <summary>Starts <paramref name="work"/>; its log (at the current verbosity) is kept until the result is replayed.</summary>
    public static Task<Held<T>> Start<T>(Func<Task<T>> work)
    {
        var output = Log.Output;
        return Task.Run(async () =>
        {
            var held = new StringWriter();
            var heldErrors = new StringWriter();
            // Async-local: only this work's flow logs into the holders.
            Log.Output = new LogOutput(held, heldErrors, output.Verbosity);
            try
            {
                return new Held<T>(await work(), null, output, held, heldErrors);
            }
            catch (Exception e)
            {
                return new Held<T>(default, ExceptionDispatchInfo.Capture(e), output, held, heldErrors);
            }
        });
    }
}

/// <summary>The outcome of held work: its value or exception, and the log lines it wrote.</summary>
internal sealed class Held<T>(T? value, ExceptionDispatchInfo? error, LogOutput output, StringWriter held, StringWriter heldErrors)
{
    readonly Lock gate = new();
    bool replayed;

    /// <summary>Whether the work ended with a value (its log may still be held).</summary>
    public bool Succeeded => error is null;

    /// <summary>The work's value; only when it <see cref="Succeeded"/>. Writes nothing: <see cref="Replay"/> does.</summary>
    public T Value => error is null ? value! : throw new InvalidOperationException("The held work failed: Replay() throws its exception.");

    /// <summary>Writes the held lines to the log the work was started from (the first call only), then returns the value or throws the work's exception.</summary>
    public T Replay()
    {
        lock (gate)
        {
            if (!replayed)
            {
                replayed = true;
                Write(output.Out, held.ToString());
                Write(output.Error, heldErrors.ToString());
            }
        }
        error?.Throw();
        return value!;
    }

    static void Write(TextWriter writer, string text)
    {
        if (text.Length == 0) return;
        lock (writer) writer.Write(text);
    }
}
