using GoMonorepoBuild.Buildx;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// The one place the report reads the buildx driver's types: Buildx is an earlier stage, so Reports may depend on it,
/// but only here, keeping the rest of the report a plain model that tests build by hand.
/// </summary>
public static class BuildxSteps
{
    /// <summary>The counted steps (<see cref="BuildStep.Internal"/> ones left out) in BuildKit's order.</summary>
    public static IReadOnlyList<StepRecord> ToRecords(IEnumerable<BuildStep> steps) =>
        steps.Where(s => !s.Internal).Select(ToRecord).ToList();

    static StepRecord ToRecord(BuildStep step)
    {
        var ms = step.Duration is { } d ? (long)Math.Round(d.TotalMilliseconds) : (long?)null;
        if (step.Cached) return StepRecord.Hit(step.Name, ms);
        // A failed or unfinished step says nothing about how long the step takes: it gets no run duration.
        if (step.Failed) return StepRecord.Failure(step.Name, ms);
        return ms is null ? new StepRecord(step.Name, false, null, null) : StepRecord.Ran(step.Name, ms.Value);
    }
}
