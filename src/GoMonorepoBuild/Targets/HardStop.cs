using System.Collections.Immutable;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// What a run does when it will not wait for its target any longer (a second Ctrl-C): first it kills every process it
/// started (the Processes stage registers that), then, when the target has not ended by itself within a moment, the
/// code that knows something worth keeping writes it (BuildChanged: its report). The targets engine knows neither; it
/// only runs what was registered, and a step that throws never keeps the others from running.
/// </summary>
internal sealed class HardStop
{
    readonly Lock gate = new();
    ImmutableList<Action> killers = [];
    ImmutableList<Action> recorders = [];
    int requested;

    /// <summary>The one a process's Ctrl-C handler uses (tests make their own).</summary>
    public static HardStop OfProcess { get; } = new();

    /// <summary>Whether the run is stopping hard: a process started from now on is to be killed at once.</summary>
    public bool IsRequested => Volatile.Read(ref requested) == 1;

    /// <summary>Registers what kills the processes the run started; it stays registered for the life of the process.</summary>
    public void OnKill(Action kill)
    {
        lock (gate) killers = killers.Add(kill);
    }

    /// <summary>Registers what writes what is known, until disposed (when the target ends by itself it writes it itself).</summary>
    public IDisposable OnRecord(Action record)
    {
        lock (gate) recorders = recorders.Add(record);
        return new Registration(() => { lock (gate) recorders = recorders.Remove(record); });
    }

    /// <summary>Kills every process the run started (and, from now on, every one it starts).</summary>
    public void Kill()
    {
        Volatile.Write(ref requested, 1);
        foreach (var kill in killers)
            Try(kill);
    }

    /// <summary>
    /// Lets every registered recorder write what it knows, side by side, giving them together at most
    /// <paramref name="within"/>; returns whether all finished in time.
    /// </summary>
    public bool Record(TimeSpan within)
    {
        // Threads of their own, not the thread pool's: the pool may be the very thing the stuck target holds.
        var writing = recorders.Select(record => new Thread(() => Try(record)) { IsBackground = true, Name = "hard stop: record" }).ToList();
        writing.ForEach(thread => thread.Start());
        var deadline = DateTime.UtcNow + within;
        return writing.All(thread => thread.Join(Max(TimeSpan.Zero, deadline - DateTime.UtcNow)));
    }

    static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    static void Try(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            // The run is exiting: say so, and go on with the next step.
            Console.Error.WriteLine($"While stopping: {e.Message}");
        }
    }

    sealed class Registration(Action remove) : IDisposable
    {
        int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) remove();
        }
    }
}
