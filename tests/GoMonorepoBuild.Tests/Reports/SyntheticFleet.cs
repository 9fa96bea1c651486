using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Tests.Reports;

/// <summary>
/// A report of <c>n</c> services as a large monorepo makes it after a library edit: a few failed, a tenth built
/// (partly cached), the rest skipped; with 30 earlier runs of history. Deterministic, for tests and the render benchmark.
/// </summary>
static class SyntheticFleet
{
    static readonly DateTimeOffset Started = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    static readonly string[] Steps =
    [
        "[build 2/6] WORKDIR /src", "[build 3/6] COPY modules/ ./", "[build 4/6] RUN go mod download",
        "[build 5/6] COPY sources/ ./", "[build 6/6] RUN go build -o /out/app .", "[stage-1 1/1] COPY --from=build /out/app /app",
    ];

    public static BuildReport Report(int n)
    {
        var services = Enumerable.Range(0, n).Select(i =>
        {
            var name = $"service-{i:000}";
            var status = i % 67 == 5 ? ServiceStatus.Failed : i % 10 == 0 ? ServiceStatus.Built : ServiceStatus.Skipped;
            var row = new ServiceReport(name, $"services/{name}", status) { Reason = status == ServiceStatus.Skipped ? "not affected by the changes since origin/main" : "affected by libs/money/round.go" };
            if (status == ServiceStatus.Skipped) return row;
            var records = Steps.Select((s, k) => k < 3 ? StepRecord.Hit(s, 10).WithLastRunMs(2000 + 100 * k) :
                status == ServiceStatus.Failed && k == 4 ? StepRecord.Failure(s, 900) : StepRecord.Ran(s, 500 + 37 * i % 3000)).ToList();
            return row with
            {
                StepDetails = records,
                Steps = new StepCounts(records.Count, 3),
                DurationMs = records.Sum(r => r.DurationMs ?? 0),
                TimeSavedMs = CacheAnalysis.TimeSaved(records),
                ImageSizeBytes = status == ServiceStatus.Built ? 3_000_000 + i * 1000 : null,
                FirstMissedStep = new MissedStep(Steps[3], "1 input file changed since the previous build: libs/money/round.go (modified)", null),
                ErrorTail = status == ServiceStatus.Failed ? "./main.go:7:2: undefined: money.Round\nERROR: exit code: 1" : null,
            };
        }).ToList();
        return new BuildReport(services) { StartedAt = Started, DurationMs = 95_000, Commit = "0123456789abcdef0123456789abcdef01234567" };
    }

    public static IReadOnlyList<HistoryEntry> History(BuildReport report) =>
    [
        .. Enumerable.Range(0, 30).Select(r => HistoryEntry.From(report with
        {
            StartedAt = Started.AddHours(r - 30),
            DurationMs = 40_000 + r * 1500,
            Commit = $"{r:x2}c0ffee{r:x2}",
            Services = report.Services.Select(s => s with { Status = ServiceStatus.Built, DurationMs = 3000 + r * 50, Steps = new StepCounts(6, r % 7) }).ToList(),
        })),
        HistoryEntry.From(report),
    ];
}
