using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// One counted build step of a service as the report keeps it, so the next run can tell what the cache saved.
/// </summary>
/// <param name="Name">BuildKit's name for it, e.g. <c>[build 5/7] RUN go mod download</c>.</param>
/// <param name="Cached">BuildKit answered it from its cache this run.</param>
/// <param name="DurationMs">How long it took this run; null when it never finished.</param>
/// <param name="LastRunMs">
/// How long it took the last time it really ran (not cached): this run's duration when it ran, else carried over from
/// the previous report. Null when no report saw it run (e.g. the engine's cache was warm before the first report).
/// </param>
public sealed partial record StepRecord(string Name, bool Cached, long? DurationMs, long? LastRunMs)
{
    /// <summary>The step failed this run (its duration then says nothing about what the step costs).</summary>
    public bool Failed { get; init; }

    /// <summary>
    /// What identifies the step across runs: the stage and the instruction, without BuildKit's "n/m" counter, so
    /// adding a step to the Dockerfile does not make every later step look new.
    /// </summary>
    [JsonIgnore]
    public string Key => Counter().Replace(Name, "$1]", 1);

    /// <summary>A step that ran this run and finished: its duration is a real measure of what the cache saves.</summary>
    public static StepRecord Ran(string name, long durationMs) => new(name, false, durationMs, durationMs);

    public static StepRecord Hit(string name, long? durationMs) => new(name, true, durationMs, null);

    public static StepRecord Failure(string name, long? durationMs) => new(name, false, durationMs, null) { Failed = true };

    public StepRecord WithLastRunMs(long? lastRunMs) => this with { LastRunMs = lastRunMs };

    [GeneratedRegex(@"^(\[[^\]]*?) \d+/\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex Counter();
}
