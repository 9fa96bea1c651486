using System.Text.RegularExpressions;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// A service's steps grouped by Dockerfile instruction (RUN, COPY, ...): how much of each kind's work the cache
/// covered and how much ran. A cached step counts for what it cost the last time it ran (what the cache spared),
/// or its hit time when that is unknown; a step that ran counts for its duration.
/// </summary>
public static partial class StepKinds
{
    /// <summary>The instruction of a BuildKit step name: <c>[build 5/7] RUN go mod download</c> is RUN; "OTHER" when none.</summary>
    public static string Of(string stepName) =>
        Instruction().Match(stepName) is { Success: true } m ? m.Groups[1].Value.ToUpperInvariant() : "OTHER";

    /// <summary>One figure per kind, in the order the kinds first appear in the build.</summary>
    public static IReadOnlyList<StepKindTotals> Summarize(IEnumerable<StepRecord> steps) =>
        steps.GroupBy(s => Of(s.Name))
            .Select(g => new StepKindTotals(
                g.Key,
                g.Count(s => s.Cached),
                g.Count(s => !s.Cached),
                g.Where(s => s.Cached).Sum(s => s.LastRunMs ?? s.DurationMs ?? 0),
                g.Where(s => !s.Cached).Sum(s => s.DurationMs ?? 0)))
            .ToList();

    [GeneratedRegex(@"^(?:\[[^\]]*\]\s+)?([A-Za-z]+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Instruction();
}

/// <param name="Kind">The Dockerfile instruction, upper case.</param>
/// <param name="CachedSteps">Steps of this kind answered from the cache.</param>
/// <param name="RunSteps">Steps of this kind that ran (or failed, or did not finish).</param>
/// <param name="CachedMs">What the cached steps cost when they last ran (their hit time when never seen running).</param>
/// <param name="RunMs">How long the steps that ran took this run.</param>
public sealed record StepKindTotals(string Kind, int CachedSteps, int RunSteps, long CachedMs, long RunMs);
