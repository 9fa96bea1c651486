using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Tests.Reports;

/// <summary>
/// A fixed report of four services (partly cached, fully cached, failed, skipped) made the way BuildChanged makes it:
/// through <see cref="CacheAnalysis"/> against the previous run's rows.
/// </summary>
static class ReportSample
{
    public static readonly DateTimeOffset Started = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    static readonly string[] BuildSteps =
    [
        "[build 2/7] RUN mkdir -p /out",
        "[build 3/7] WORKDIR /src",
        "[build 4/7] COPY modules/ ./",
        "[build 5/7] RUN --mount=type=cache,id=gomonorepobuild-gomod,target=/go/pkg/mod cd services/orders && go mod download",
        "[build 6/7] COPY sources/ ./",
        "[build 7/7] RUN --mount=type=cache,id=gomonorepobuild-gocache,target=/root/.cache/go-build go build -o /out/app .",
        "[stage-1 1/2] COPY --from=build /out/passwd /out/group /etc/",
        "[stage-1 2/2] COPY --from=build /out/app /app",
    ];

    static readonly long[] ColdDurations = [120, 15, 40, 9000, 60, 14000, 30, 45];

    public static IReadOnlyDictionary<string, string> Inputs(params (string Path, string Digest)[] files) =>
        new SortedDictionary<string, string>(files.ToDictionary(f => f.Path, f => f.Digest), StringComparer.Ordinal);

    /// <summary>The previous run: every service built cold.</summary>
    public static BuildReport Previous() => new(
    [
        Cold("orders", "services/orders", Inputs(("services/orders/go.mod", "aa01"), ("services/orders/main.go", "aa02"), ("libs/money/round.go", "aa03"))),
        Cold("catalog", "services/catalog", Inputs(("services/catalog/go.mod", "bb01"), ("services/catalog/main.go", "bb02"))),
        Cold("gateway", "services/gateway", Inputs(("services/gateway/go.mod", "cc01"), ("services/gateway/main.go", "cc02"))),
        Cold("payments", "services/payments", Inputs(("services/payments/go.mod", "dd01"))),
    ]) { StartedAt = Started.AddHours(-1), DurationMs = 60_000 };

    public static BuildReport Report()
    {
        var previous = Previous();
        var orders = CacheAnalysis.Apply(
            Built("orders", "services/orders", 2345) with
            {
                Reason = "affected by libs/money/round.go",
                ImageSizeBytes = 4_500_000,
                Image = "gomonorepobuild/orders:abc1234",
                Tags = ["gomonorepobuild/orders:abc1234", "gomonorepobuild/orders:latest"],
                Digest = "sha256:0123456789abcdef",
                InputHash = "5f2c0d1e9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d",
                LogFile = ".nuke/temp/logs/orders.log",
                AffectedBecause = ["libs/money/round.go changed", "package example.com/libs/money contains it", "services/orders imports example.com/libs/money"],
            },
            Steps(cachedUpTo: 4, run: 2000),
            Inputs(("services/orders/go.mod", "aa01"), ("services/orders/main.go", "aa02"), ("libs/money/round.go", "ff03"), ("libs/money/doc.go", "ff04")),
            previous.Find("orders"));
        var catalog = CacheAnalysis.Apply(
            Built("catalog", "services/catalog", 640) with { Reason = "forced with --force", ImageSizeBytes = 3_900_000, Image = "gomonorepobuild/catalog:abc1234" },
            Steps(cachedUpTo: BuildSteps.Length, run: 0),
            Inputs(("services/catalog/go.mod", "bb01"), ("services/catalog/main.go", "bb02")),
            previous.Find("catalog"));
        var gateway = CacheAnalysis.Apply(
            new ServiceReport("gateway", "services/gateway", ServiceStatus.Failed) with
            {
                Reason = "the build failed at [build 7/7] RUN go build",
                DurationMs = 1500,
                LogFile = ".nuke/temp/logs/gateway.log",
                ErrorTail = "./main.go:7:2: undefined: handler <nil>\nERROR: process \"go build\" did not complete successfully: exit code: 1",
            },
            [.. Steps(cachedUpTo: 5, run: 0).Take(5), StepRecord.Failure(BuildSteps[5], 900)],
            Inputs(("services/gateway/go.mod", "cc01"), ("services/gateway/main.go", "ee02")),
            previous.Find("gateway"));
        var payments = CacheAnalysis.CarryOver(
            new ServiceReport("payments", "services/payments", ServiceStatus.Skipped) { Reason = "not affected by the changes since origin/main" },
            previous.Find("payments"));
        return new BuildReport([orders, catalog, gateway, payments]) { StartedAt = Started, DurationMs = 9876 };
    }

    /// <summary>Five earlier runs and this one, as history.jsonl would hold them.</summary>
    public static IReadOnlyList<HistoryEntry> History()
    {
        var earlier = Enumerable.Range(0, 5).Select(i =>
        {
            var run = Previous() with { StartedAt = Started.AddDays(i - 5) };
            return HistoryEntry.From(run with
            {
                Services = run.Services.Select(s => s with
                {
                    DurationMs = 20_000 - i * 3000,
                    Steps = new StepCounts(8, Math.Min(8, i * 2)),
                    TimeSavedMs = i * 3000,
                }).ToList(),
            });
        });
        return [.. earlier, HistoryEntry.From(Report())];
    }

    static ServiceReport Cold(string name, string path, IReadOnlyDictionary<string, string> inputs) =>
        CacheAnalysis.Apply(Built(name, path, 23_310), Steps(cachedUpTo: 0, run: 0), inputs, previous: null);

    static ServiceReport Built(string name, string path, long durationMs) =>
        new(name, path, ServiceStatus.Built) { DurationMs = durationMs };

    /// <summary>The sample's steps: the first <paramref name="cachedUpTo"/> cached (10 ms each), the rest ran.</summary>
    static StepRecord[] Steps(int cachedUpTo, long run) =>
        BuildSteps.Select((name, i) => i < cachedUpTo
                ? StepRecord.Hit(name, 10)
                : StepRecord.Ran(name, run > 0 ? run : ColdDurations[i]))
            .ToArray();
}
