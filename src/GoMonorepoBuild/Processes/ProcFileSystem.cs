using System.Runtime.InteropServices;

namespace GoMonorepoBuild.Processes;

/// <summary>
/// Linux's processes through <c>/proc</c>: a process's children from <c>/proc/&lt;pid&gt;/task/*/children</c> (or, on a
/// kernel without that file, from every process's parent), signals through libc's <c>kill</c>.
/// </summary>
internal sealed class ProcFileSystem : IProcessTable
{
    const int SigKill = 9;
    const int SigStop = 19;

    public static ProcFileSystem Instance { get; } = new();

    public int Self { get; } = Environment.ProcessId;

    public ProcessStat? Find(int pid) => ReadStat(Path.Combine("/proc", pid.ToString(), "stat"));

    public IReadOnlyList<int> ChildrenOf(int pid)
    {
        var tasks = Path.Combine("/proc", pid.ToString(), "task");
        try
        {
            var children = new List<int>();
            var listed = false;
            foreach (var task in Directory.EnumerateDirectories(tasks))
            {
                var file = Path.Combine(task, "children");
                if (!File.Exists(file)) continue;
                listed = true;
                children.AddRange(ReadPids(file));
            }
            return listed ? children.Distinct().ToList() : ChildrenByScan(pid);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return []; // gone while we looked
        }
    }

    public void Signal(int pid, ProcessSignal signal) => _ = kill(pid, signal == ProcessSignal.Kill ? SigKill : SigStop);

    /// <summary>
    /// Parses <c>/proc/&lt;pid&gt;/stat</c>: "pid (comm) state ppid pgrp session ...". The command name may hold spaces
    /// and parentheses, so the fields are counted after its last ')'.
    /// </summary>
    internal static ProcessStat? ParseStat(string text)
    {
        var close = text.LastIndexOf(')');
        var open = text.IndexOf(' ');
        if (close < 0 || open < 0 || !int.TryParse(text.AsSpan(0, open), out var pid)) return null;
        var fields = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // fields[0] state, [1] ppid, [2] pgrp, [3] session
        return fields.Length > 3 && int.TryParse(fields[1], out var parent) && int.TryParse(fields[3], out var session)
            ? new ProcessStat(pid, parent, session)
            : null;
    }

    static ProcessStat? ReadStat(string file)
    {
        try
        {
            return ParseStat(File.ReadAllText(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    static IEnumerable<int> ReadPids(string file)
    {
        try
        {
            return File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => int.TryParse(p, out var pid) ? pid : 0).Where(p => p > 0).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    static List<int> ChildrenByScan(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? ReadStat(Path.Combine(d, "stat")) : null)
            .Where(s => s?.Parent == parent)
            .Select(s => s!.Value.Pid)
            .ToList();

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054 // DllImport: a plain int signature needs no generated marshalling (and no unsafe code).
    static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054
}
