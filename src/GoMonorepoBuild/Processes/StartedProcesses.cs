using System.Diagnostics;
using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Processes;

/// <summary>
/// The processes <see cref="Tool"/> has running, so a cancelled run, or one stopping hard (a second Ctrl-C, see
/// <see cref="HardStop"/>), kills each with its whole tree: on Linux by <see cref="ProcessTreeKill"/> (children from
/// /proc), elsewhere by .NET's tree kill. Every kill holds one lock, so the process never exits halfway through one
/// (which would leave children frozen and re-parented to init).
/// </summary>
internal static class StartedProcesses
{
    static readonly Lock Gate = new();
    static readonly Dictionary<int, Started> Running = [];

    static StartedProcesses() => HardStop.OnKill(KillAll);

    /// <summary>Tracks a process just started; when the run is already stopping hard it is killed at once.</summary>
    public static Started Track(int pid)
    {
        var started = new Started(pid);
        lock (Gate)
        {
            Running[pid] = started;
            if (HardStop.IsRequested) Kill([started]);
        }
        return started;
    }

    /// <summary>Kills every tracked process with its tree.</summary>
    public static void KillAll()
    {
        lock (Gate) Kill(Running.Values.ToList());
    }

    static void Kill(IReadOnlyList<Started> started)
    {
        foreach (var one in started) one.MarkKilled();
        KillTrees(started.Select(s => s.ProcessId).ToList());
    }

    static void KillTrees(IReadOnlyList<int> roots)
    {
        if (OperatingSystem.IsLinux())
        {
            ProcessTreeKill.Kill(ProcFileSystem.Instance, roots);
            return;
        }
        foreach (var pid in roots)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }
    }

    /// <summary>One tracked process: killed with its tree on demand, untracked when disposed (once it has exited).</summary>
    public sealed class Started(int pid) : IDisposable
    {
        int killed;

        public int ProcessId => pid;

        /// <summary>Whether it was killed (cancellation or a hard stop) rather than left to exit.</summary>
        public bool WasKilled => Volatile.Read(ref killed) == 1;

        public void Kill()
        {
            lock (Gate)
                if (Running.ContainsKey(pid)) StartedProcesses.Kill([this]);
        }

        internal void MarkKilled() => Volatile.Write(ref killed, 1);

        public void Dispose()
        {
            lock (Gate) Running.Remove(pid);
        }
    }
}
