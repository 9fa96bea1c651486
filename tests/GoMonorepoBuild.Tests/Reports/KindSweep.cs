using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Tests.Reports;

/// <summary>
/// Services whose overview bars split into step kinds of every width: WORKDIR's share grows from a sliver to a third
/// of the bar, COPY's shrinks, so some kinds are too narrow for their label and some are just wide enough.
/// </summary>
static class KindSweep
{
    public static BuildReport Report(int n) => new(
    [
        .. Enumerable.Range(1, n).Select(i =>
        {
            StepRecord[] records =
            [
                StepRecord.Ran("[build 2/5] WORKDIR /src", 150L * i),
                StepRecord.Hit("[build 3/5] COPY modules/ ./", 5).WithLastRunMs(1200 - 30L * i),
                StepRecord.Ran("[build 4/5] COPY sources/ ./", 60L * i),
                StepRecord.Ran("[build 5/5] RUN go build -o /out/app .", 3000),
                StepRecord.Hit("[stage-1 1/1] ENV TZ=UTC", 1).WithLastRunMs(3L * i),
            ];
            return new ServiceReport($"sweep-{i:00}", $"services/sweep-{i:00}", ServiceStatus.Built)
            {
                StepDetails = records,
                Steps = new StepCounts(records.Length, 2),
                DurationMs = records.Sum(r => r.DurationMs ?? 0),
                TimeSavedMs = CacheAnalysis.TimeSaved(records),
                FirstMissedStep = new MissedStep(records[0].Name, "the step is new, or its instruction changed in the Dockerfile, since the previous build", null),
            };
        }),
    ]) { StartedAt = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), DurationMs = 60_000 };
}
