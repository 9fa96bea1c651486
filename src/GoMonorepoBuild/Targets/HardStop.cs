using System.Collections.Immutable;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// What a run does when it will not wait for its target any longer (a second Ctrl-C): first it kills every process it
/// started (the Processes stage registers that), then, when the target has not ended by itself within a moment, the
/// code that knows something worth keeping writes it (BuildChanged: its report). The targets engine knows neither; it
/// only runs what was registered, each step at most once per registration and never throwing.
/// </summary>
internal static class HardStop
{
    static readonly Lock Gate = new();
    static ImmutableList<Action> killers = [];
    static ImmutableList<Action> recorders = [];
    static int requested;

    /// <summary>Whether the run is stopping hard: a process started from now on is killed at once.</summary>
    public static bool IsRequested => Volatile.Read(ref requested) == 1;

    /// <summary>Registers what kills the processes the run started; it stays registered for the life of the process.</summary>
    public static void OnKill(Action kill)
    {
        lock (Gate) killers = killers.Add(kill);
    }

    /// <summary>Registers what writes what is known (until disposed: when the run ends normally it writes it itself).</summary>
    public static IDisposable OnRecord(Action record)
    {
        lock (Gate) recorders = recorders.Add(record);
        return new Registration(() => { lock (Gate) recorders = recorders.Remove(record); });
    }

    /// <summary>Kills every process the run started (and, from now on, every one it starts).</summary>
    public static void Kill()
    {
        Volatile.Write(ref requested, 1);
        foreach (var kill in killers)
            Try(kill);
    }

    /// <summary>Lets every registered recorder write what it knows, giving them together at most <paramref name="within"/>.</summary>
    public static void Record(TimeSpan within)
    {
        var writing = recorders.Select(record => Task.Run(() => Try(record))).ToArray();
        Task.WaitAll(writing, within);
    }

    static void Try(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            // The run is exiting: a step that fails must not keep the others from running.
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
