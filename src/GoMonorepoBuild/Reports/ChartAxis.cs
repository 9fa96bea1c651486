namespace GoMonorepoBuild.Reports;

/// <summary>
/// A value axis in seconds with round ticks (1, 2 or 5 × 10ⁿ s), so a reader can put a number on any bar; and the
/// label of a run on a time axis: its UTC time and short commit.
/// </summary>
static class ChartAxis
{
    /// <summary>Tick step and top of an axis that must reach <paramref name="maxMs"/>, with at most about 5 ticks.</summary>
    public static (long StepMs, long TopMs) Seconds(long maxMs)
    {
        var target = Math.Max(maxMs, 1) / 4.0;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(target)));
        var step = new[] { 1, 2, 5, 10 }.Select(f => f * magnitude).First(s => s >= target);
        var stepMs = Math.Max(1, (long)Math.Round(step));
        return (stepMs, stepMs * (long)Math.Ceiling(Math.Max(maxMs, 1) / (double)stepMs));
    }

    /// <summary>A tick's text: "0", "500 ms", "2 s", "1.5 min" (the unit is on every tick, never only implied).</summary>
    public static string Tick(long ms) => ms switch
    {
        0 => "0",
        < 1000 => $"{ms} ms",
        < 120_000 => $"{ms / 1000.0:0.#} s",
        _ => $"{ms / 60_000.0:0.#} min",
    };

    /// <summary>"12-05 03:10 · 1a2b3c4" (UTC; the commit when the run recorded one).</summary>
    public static string RunLabel(DateTimeOffset startedAt, string? commit) =>
        $"{startedAt.UtcDateTime:MM-dd HH:mm}" + (commit is { Length: > 0 } ? $" · {commit[..Math.Min(7, commit.Length)]}" : "");
}
