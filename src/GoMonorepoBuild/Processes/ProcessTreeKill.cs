namespace GoMonorepoBuild.Processes;

/// <summary>
/// Kills processes this process started together with all their descendants, so none is left re-parented to init,
/// running or stopped. The tree is frozen top-down first (SIGSTOP: a stopped process starts no more children and
/// cannot reap one, so no pid found is reused), walked again until no new child appears, then every frozen process is
/// killed (SIGKILL, which also ends a stopped one).
/// A root that is no child of this process any more (it exited and its pid was reused) is left alone, and so is a
/// descendant in another session with its subtree: it detached on purpose (the engine's dockerd, the local registry).
/// </summary>
internal static class ProcessTreeKill
{
    /// <summary>Walks after the first catch a child forked just before its parent's stop took effect.</summary>
    const int MaxPasses = 5;

    /// <summary>Kills the trees of <paramref name="roots"/>; returns every pid it killed, parents before children.</summary>
    public static IReadOnlyList<int> Kill(IProcessTable table, IEnumerable<int> roots)
    {
        if (table.Find(table.Self) is not { } self) return [];
        var frozen = new List<int>();
        var seen = new HashSet<int> { table.Self };
        var queue = new Queue<int>(roots.Where(pid => table.Find(pid) is { } stat && stat.Parent == self.Pid));

        for (var pass = 0; pass < MaxPasses && queue.Count > 0; pass++)
        {
            while (queue.TryDequeue(out var pid))
            {
                if (!seen.Add(pid) || table.Find(pid) is not { } stat || stat.Session != self.Session) continue;
                table.Signal(pid, ProcessSignal.Stop);
                frozen.Add(pid);
                Enqueue(table.ChildrenOf(pid));
            }
            // Again over everything frozen: a child whose fork was under way when its parent's stop arrived shows up now.
            foreach (var pid in frozen)
                Enqueue(table.ChildrenOf(pid));
        }

        foreach (var pid in frozen)
            table.Signal(pid, ProcessSignal.Kill);
        return frozen;

        void Enqueue(IEnumerable<int> children)
        {
            foreach (var child in children)
                if (!seen.Contains(child)) queue.Enqueue(child);
        }
    }
}
