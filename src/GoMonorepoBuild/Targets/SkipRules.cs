namespace GoMonorepoBuild.Targets;

/// <summary>
/// Which planned targets are skipped, and why. <c>--skip</c> alone skips every target not invoked; <c>--skip A B</c> skips
/// those (an invoked target is never skipped by <c>--skip</c>). A false static condition skips its target. A skipped target
/// also skips its execution dependencies and triggered targets, unless another running target needs them or it says
/// <c>WhenSkipped(DependencyBehavior.Execute)</c>. Pure: conditions come in as a function.
/// </summary>
internal static class SkipRules
{
    // skip: null when --skip was not given, empty for a bare --skip, else the targets named.
    // staticConditionsHold: called once per planned target that --skip did not already skip.
    public static ExecutionPlan Apply(ExecutionPlan plan, IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<string>? skip,
        Func<ExecutableTarget, bool> staticConditionsHold)
    {
        var byName = targets.ToDictionary(t => t.Name);
        var named = skip?.Select(n => ExecutionPlanner.Resolve(n, targets)).ToHashSet() ?? [];

        var direct = new Dictionary<string, string>();
        foreach (var planned in plan.Targets)
        {
            if (skip is not null && !planned.Reason.IsRoot && (skip.Count == 0 || named.Contains(planned.Name)))
                direct[planned.Name] = "--skip";
            else if (!staticConditionsHold(byName[planned.Name]))
                direct[planned.Name] = "condition is false";
        }

        // A target stays if a root needs it through targets that run (or that are skipped but WhenSkipped(Execute)).
        var plannedNames = plan.Names.ToHashSet();
        var needed = new HashSet<string>();
        var queue = new Queue<string>(plan.Targets.Where(t => t.Reason.IsRoot).Select(t => t.Name));
        foreach (var root in queue) needed.Add(root);
        while (queue.TryDequeue(out var name))
        {
            var target = byName[name];
            if (direct.ContainsKey(name) && target.WhenSkipped == DependencyBehavior.Skip) continue;
            foreach (var next in target.DependsOn.Concat(target.Triggers))
                if (plannedNames.Contains(next) && needed.Add(next))
                    queue.Enqueue(next);
        }

        return plan.WithTargets(plan.Targets.Select(t =>
            direct.TryGetValue(t.Name, out var reason) ? t.WithSkipReason(reason)
            : needed.Contains(t.Name) ? t
            : t.WithSkipReason($"{t.Reason.By} is skipped")));
    }
}
