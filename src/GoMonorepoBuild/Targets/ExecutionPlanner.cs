using System.Collections.Immutable;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// Turns the targets asked for into an ordered plan. Execution dependencies pull targets in, triggers add the targets
/// they trigger (until the closure stops growing), order-only dependencies (<c>After</c>/<c>Before</c>) only order.
/// Pure: the same targets and names always give the same plan.
/// </summary>
internal static class ExecutionPlanner
{
    public static ExecutionPlan Plan(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<string> invoked, IReadOnlyList<string> defaults)
    {
        var byName = targets.ToDictionary(t => t.Name);
        FailOnCycle(targets, byName);

        var roots = invoked.Count > 0
            ? invoked.Select(n => (Resolve(n, targets), PlanReason.Invoked)).ToList()
            : defaults.Select(n => (Resolve(n, targets), PlanReason.Default)).ToList();
        var reasons = new Dictionary<string, PlanReason>();
        var queue = new Queue<string>();
        void Schedule(string name, PlanReason reason)
        {
            if (reasons.TryAdd(name, reason))
                queue.Enqueue(name);
        }

        foreach (var (name, reason) in roots)
            Schedule(name, reason);
        while (queue.TryDequeue(out var name))
        {
            foreach (var dependency in byName[name].DependsOn)
                Schedule(dependency, PlanReason.DependencyOf(name));
            foreach (var triggered in byName[name].Triggers)
                Schedule(triggered, PlanReason.TriggeredBy(name));
        }

        var rank = Rank(roots.Select(r => r.Item1), byName);
        return new ExecutionPlan([.. Order(targets, byName, rank).Select(n => new PlannedTarget(n, reasons[n]))]);
    }

    /// <summary>The target called <paramref name="name"/>, matched case-insensitively with or without dashes.</summary>
    public static string Resolve(string name, IReadOnlyList<ExecutableTarget> targets)
    {
        var canonical = Names.Canonical(name);
        var match = targets.FirstOrDefault(t => Names.Canonical(t.Name) == canonical);
        if (match is not null) return match.Name;

        var listed = targets.Where(t => t.Listed).Select(t => t.Name).ToList();
        var closest = Names.Closest(name, listed);
        throw new UsageException(
            $"There is no target '{name}'." + (closest is null ? "" : $" Did you mean '{closest}'?") +
            $" Targets: {string.Join(", ", listed)}.");
    }

    /// <summary>The targets that must run before <paramref name="target"/> when both are planned.</summary>
    static IEnumerable<string> Predecessors(ExecutableTarget target, IReadOnlyList<ExecutableTarget> targets) =>
        target.DependsOn.Concat(target.After).Concat(targets.Where(t => t.Triggers.Contains(target.Name)).Select(t => t.Name));

    /// <summary>
    /// Each scheduled target's rank: the position of the first root (in the order the user named them) that brings it in.
    /// </summary>
    static Dictionary<string, int> Rank(IEnumerable<string> roots, Dictionary<string, ExecutableTarget> byName)
    {
        var rank = new Dictionary<string, int>();
        var index = 0;
        foreach (var root in roots)
        {
            var stack = new Stack<string>([root]);
            while (stack.TryPop(out var name))
            {
                if (!rank.TryAdd(name, index)) continue;
                foreach (var next in byName[name].DependsOn.Concat(byName[name].Triggers))
                    stack.Push(next);
            }
            index++;
        }
        return rank;
    }

    /// <summary>
    /// Kahn's algorithm. Among ready targets, the one brought in by the earliest-named root goes first, then the one
    /// declared first, so independent targets run in the order they were asked for and the order is stable.
    /// </summary>
    static IEnumerable<string> Order(IReadOnlyList<ExecutableTarget> targets, Dictionary<string, ExecutableTarget> byName, Dictionary<string, int> rank)
    {
        var waitingOn = rank.Keys.ToDictionary(n => n, n => Predecessors(byName[n], targets).Where(rank.ContainsKey).ToHashSet());
        var pending = targets.Where(t => rank.ContainsKey(t.Name)).Select(t => t.Name).ToList();
        while (pending.Count > 0)
        {
            var next = pending.Where(n => waitingOn[n].Count == 0).MinBy(n => rank[n])!;
            pending.Remove(next);
            foreach (var waiting in waitingOn.Values)
                waiting.Remove(next);
            yield return next;
        }
    }

    /// <summary>Any cycle over the three kinds of dependency, in any target, is a definition error naming the cycle's path.</summary>
    static void FailOnCycle(IReadOnlyList<ExecutableTarget> targets, Dictionary<string, ExecutableTarget> byName)
    {
        var done = new HashSet<string>();
        var path = new List<string>();
        var onPath = new HashSet<string>();

        void Visit(string name)
        {
            if (done.Contains(name)) return;
            if (!onPath.Add(name))
            {
                var cycle = path.Skip(path.IndexOf(name)).Append(name);
                throw new UsageException($"The targets form a cycle: {string.Join(" -> ", cycle)}. Remove one of these dependencies.");
            }
            path.Add(name);
            foreach (var predecessor in Predecessors(byName[name], targets).Distinct())
                Visit(predecessor);
            path.RemoveAt(path.Count - 1);
            onPath.Remove(name);
            done.Add(name);
        }

        foreach (var target in targets)
            Visit(target.Name);
    }
}
