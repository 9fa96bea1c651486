using System.Diagnostics;
using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Tests.Processes;

/// <summary>Killing what a run started with all its descendants: the walk over a process table, then on real processes.</summary>
public class ProcessTreeKillTests
{
    const int OwnPid = 100;
    const int OwnSession = 100;

    [Fact]
    public void Every_descendant_is_frozen_before_any_is_killed_and_all_are_killed()
    {
        var table = new FakeTable()
            .With(200, OwnPid).With(201, 200).With(202, 201).With(203, 201);

        var killed = ProcessTreeKill.Kill(table, [200]);

        Assert.Equal([200, 201, 202, 203], killed);
        var firstKill = table.Signals.FindIndex(s => s.Signal == ProcessSignal.Kill);
        Assert.Equal(4, firstKill);
        Assert.All(table.Signals.Take(firstKill), s => Assert.Equal(ProcessSignal.Stop, s.Signal));
        Assert.Equal([200, 201, 202, 203], table.Signals.Skip(firstKill).Select(s => s.Pid).Order());
    }

    [Fact]
    public void A_descendant_that_detached_into_its_own_session_is_left_running_with_its_children()
    {
        // The engine's dockerd: started through `setsid -f` by a shell we ran, meant to outlive the run.
        var table = new FakeTable()
            .With(200, OwnPid).With(300, 200, session: 300).With(301, 300, session: 300).With(201, 200);

        var killed = ProcessTreeKill.Kill(table, [200]);

        Assert.Equal([200, 201], killed);
        Assert.DoesNotContain(table.Signals, s => s.Pid is 300 or 301);
    }

    [Fact]
    public void A_root_that_is_no_child_of_this_process_is_a_reused_pid_and_is_left_alone()
    {
        var table = new FakeTable().With(200, parent: 1).With(201, 200);

        Assert.Empty(ProcessTreeKill.Kill(table, [200]));
        Assert.Empty(table.Signals);
    }

    [Fact]
    public void A_child_forked_just_before_its_parent_stopped_is_found_on_the_next_walk_and_killed()
    {
        var table = new FakeTable().With(200, OwnPid).With(201, 200);
        table.AppearsAfterFirstLook(202, parent: 201);

        var killed = ProcessTreeKill.Kill(table, [200]);

        Assert.Equal([200, 201, 202], killed);
    }

    [Fact]
    public void This_process_is_never_signalled_even_when_a_table_lists_it_as_a_child()
    {
        var table = new FakeTable().With(200, OwnPid);
        table.Children[200].Add(OwnPid);

        Assert.Equal([200], ProcessTreeKill.Kill(table, [200, OwnPid]));
        Assert.DoesNotContain(table.Signals, s => s.Pid == OwnPid);
    }

    [Fact]
    public void A_proc_stat_line_is_read_even_when_the_command_name_holds_spaces_and_parentheses()
    {
        var stat = ProcFileSystem.ParseStat("4242 (docker (buildx) x) S 4200 4242 4100 0 -1 4194560 100 0 0 0");
        Assert.Equal(new ProcessStat(4242, 4200, 4100), stat);
        Assert.Null(ProcFileSystem.ParseStat("garbage"));
    }

    [Fact]
    public async Task On_Linux_a_real_tree_of_shells_and_sleeps_is_killed_and_nothing_is_left_under_init()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the tree walk reads /proc");
        var marker = $"600.{Random.Shared.Next(100_000, 999_999)}";
        using var root = Process.Start(new ProcessStartInfo("sh", ["-c", $"sleep {marker} & sh -c 'sleep {marker}; true' & wait"]))!;
        try
        {
            await WaitUntil(() => Marked(marker).Count == 4, () => $"the tree did not start: {string.Join(", ", Marked(marker))}");

            var killed = ProcessTreeKill.Kill(ProcFileSystem.Instance, [root.Id]);

            Assert.Equal(4, killed.Count);
            await WaitUntil(() => Marked(marker).Count == 0, () => "left running: " + string.Join(", ", Marked(marker)));
        }
        finally
        {
            if (!root.HasExited) root.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Cancelling_a_tool_kills_its_grandchildren_too()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the check reads /proc");
        var marker = $"600.{Random.Shared.Next(100_000, 999_999)}";
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = Tool.Named("sh").RunAsync(["-c", $"sleep {marker} & sh -c 'sleep {marker}; true' & wait"], cancel.Token);
        await WaitUntil(() => Marked(marker).Count == 4, () => "the tree did not start");

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        await WaitUntil(() => Marked(marker).Count == 0, () => "left running: " + string.Join(", ", Marked(marker)));
    }

    /// <summary>Live (not zombie) processes whose command line holds the marker.</summary>
    static List<string> Marked(string marker) =>
        Directory.EnumerateDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d => Read(Path.Combine(d, "cmdline")).Replace('\0', ' ') is var cmd && cmd.Contains(marker) ? $"{Path.GetFileName(d)}: {cmd}" : null)
            .OfType<string>()
            .ToList();

    static string Read(string file)
    {
        try { return File.ReadAllText(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }

    static async Task WaitUntil(Func<bool> condition, Func<string> why)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail(why());
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A process table in memory that records the signals sent.</summary>
    sealed class FakeTable : IProcessTable
    {
        readonly Dictionary<int, ProcessStat> stats = new() { [OwnPid] = new ProcessStat(OwnPid, 1, OwnSession) };
        readonly Dictionary<int, int> late = [];

        public Dictionary<int, List<int>> Children { get; } = [];
        public List<(int Pid, ProcessSignal Signal)> Signals { get; } = [];
        public int Self => OwnPid;

        public FakeTable With(int pid, int parent, int session = OwnSession)
        {
            stats[pid] = new ProcessStat(pid, parent, session);
            Children.TryAdd(pid, []);
            if (Children.TryGetValue(parent, out var siblings)) siblings.Add(pid);
            return this;
        }

        /// <summary>A child the first look at its parent's children misses (its fork was under way).</summary>
        public void AppearsAfterFirstLook(int pid, int parent)
        {
            stats[pid] = new ProcessStat(pid, parent, OwnSession);
            Children[pid] = [];
            late[parent] = pid;
        }

        public ProcessStat? Find(int pid) => stats.TryGetValue(pid, out var stat) ? stat : null;

        public IReadOnlyList<int> ChildrenOf(int pid)
        {
            var children = Children.GetValueOrDefault(pid) ?? [];
            if (late.Remove(pid, out var child)) Children[pid] = [.. children, child];
            return children;
        }

        public void Signal(int pid, ProcessSignal signal) => Signals.Add((pid, signal));
    }
}
