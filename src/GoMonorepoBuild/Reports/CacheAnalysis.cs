namespace GoMonorepoBuild.Reports;

/// <summary>
/// What the cache did for one service, worked out from this build's steps and inputs and the service's row in the
/// previous report: time saved, first missed step and why. Pure: the caller reads files and the previous report.
/// </summary>
public static class CacheAnalysis
{
    /// <summary>
    /// Fills <see cref="ServiceReport.StepDetails"/> (run durations carried over for cached steps),
    /// <see cref="ServiceReport.Steps"/>, <see cref="ServiceReport.TimeSavedMs"/>,
    /// <see cref="ServiceReport.FirstMissedStep"/> and <see cref="ServiceReport.Inputs"/> of a service that was built
    /// (or whose build failed).
    /// </summary>
    /// <param name="row">The service's row of this run.</param>
    /// <param name="steps">The counted steps of this build (see <see cref="BuildxSteps.ToRecords"/>).</param>
    /// <param name="inputs">Its input files' digests now (see <see cref="InputDigests"/>).</param>
    /// <param name="previous">Its row in the previous report, or null.</param>
    public static ServiceReport Apply(
        ServiceReport row, IReadOnlyList<StepRecord> steps, IReadOnlyDictionary<string, string> inputs, ServiceReport? previous)
    {
        var earlier = Occurrences(previous?.StepDetails ?? []);
        var records = Occurrences(steps)
            .Select(o => o.Step.Cached || o.Step.LastRunMs is null
                ? o.Step.WithLastRunMs(o.Step.LastRunMs ?? Earlier(earlier, o.Key)?.LastRunMs)
                : o.Step)
            .ToList();
        var missed = records.FirstOrDefault(r => !r.Cached);
        return row with
        {
            StepDetails = records,
            Steps = new StepCounts(records.Count, records.Count(r => r.Cached)),
            TimeSavedMs = TimeSaved(records),
            FirstMissedStep = missed is null ? null : Explain(missed, previous, InputChanges.Since(previous, inputs)),
            Inputs = inputs,
        };
    }

    /// <summary>
    /// For a service not built this run: keeps its last build's steps and inputs (from <paramref name="previous"/>) so
    /// the next build compares against what the cache last saw, not against nothing.
    /// </summary>
    public static ServiceReport CarryOver(ServiceReport row, ServiceReport? previous) =>
        previous is null ? row : row with { StepDetails = previous.StepDetails, Inputs = previous.Inputs };

    /// <summary>Sum of (last run − this hit) over cached steps; null when none of them was ever seen running.</summary>
    public static long? TimeSaved(IReadOnlyList<StepRecord> steps)
    {
        var cached = steps.Where(s => s.Cached).ToList();
        if (cached.Count == 0) return 0;
        var known = cached.Where(s => s.LastRunMs is not null).ToList();
        return known.Count == 0 ? null : known.Sum(s => Math.Max(0, s.LastRunMs!.Value - (s.DurationMs ?? 0)));
    }

    static MissedStep Explain(StepRecord missed, ServiceReport? previous, InputChanges? changes)
    {
        string reason;
        if (changes is { IsEmpty: false })
            reason = $"{changes.Count} input file{(changes.Count == 1 ? "" : "s")} changed since the previous build: {changes.Describe()}";
        else if (previous is { StepDetails.Count: > 0 } && previous.StepDetails.All(s => s.Key != missed.Key))
            reason = "the step is new, or its instruction changed in the Dockerfile, since the previous build";
        else if (changes is null)
            reason = "no previous build of this service in the report to compare with";
        else
            reason = "no input file changed since the previous build: another input of the step changed (base image, " +
                     "build argument) or BuildKit's cache no longer holds it (pruned, evicted, or another builder)";
        return new MissedStep(missed.Name, reason, changes);
    }

    /// <summary>Each step with its key and occurrence number, so two identical instructions in a stage stay apart.</summary>
    static List<(string Key, StepRecord Step)> Occurrences(IEnumerable<StepRecord> steps)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return steps.Select(s =>
        {
            var n = seen[s.Key] = seen.GetValueOrDefault(s.Key) + 1;
            return ($"{s.Key}#{n}", s);
        }).ToList();
    }

    static StepRecord? Earlier(List<(string Key, StepRecord Step)> earlier, string key) =>
        earlier.FirstOrDefault(e => e.Key == key).Step;
}
