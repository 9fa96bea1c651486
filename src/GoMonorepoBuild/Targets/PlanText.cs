namespace GoMonorepoBuild.Targets;

/// <summary><c>--plan</c>: the targets in the order they would run, why each is in, and which would be skipped.</summary>
internal static class PlanText
{
    public static void Write(TextWriter writer, ExecutionPlan plan, IReadOnlyList<ExecutableTarget> targets)
    {
        writer.WriteLine("Execution plan:");
        var width = plan.Targets.Select(t => t.Name.Length).DefaultIfEmpty(0).Max() + 2;
        var number = 0;
        foreach (var planned in plan.Targets)
        {
            number++;
            var target = targets.First(t => t.Name == planned.Name);
            var why = planned.Reason.ToString();
            if (planned.SkipReason is { } skip) why += $"; skipped ({skip})";
            else if (target.Actions.Length == 0) why += "; collective";
            var missing = planned.IsSkipped ? [] : target.Requirements.Where(r => r.IsMissing).Select(r => r.MemberName).ToList();
            if (missing.Count > 0) why += $"; missing {string.Join(", ", missing)}";
            writer.WriteLine($"  {number,2}. {planned.Name.PadRight(width)}{why}");
        }
    }
}
