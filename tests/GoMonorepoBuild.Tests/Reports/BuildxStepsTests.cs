using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Tests.Reports;

public class BuildxStepsTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    static BuildStep Step(string name, bool cached, double? seconds, string? error = null) =>
        new("sha256:" + name.GetHashCode().ToString("x"), name, cached, T0, seconds is { } s ? T0.AddSeconds(s) : null, error,
            !BuildStep.IsInstruction(name));

    [Fact]
    public void Only_counted_steps_become_records_with_their_durations_and_only_finished_runs_count_as_runs()
    {
        var records = BuildxSteps.ToRecords(
        [
            Step("[internal] load build definition from Dockerfile", false, 0.1),
            Step("[build 1/4] FROM docker.io/gomonorepobuild/go:1.23", true, 0),
            Step("[build 2/4] COPY modules/ ./", true, 0.02),
            Step("[build 3/4] RUN go mod download", false, 4.5),
            Step("[build 4/4] RUN go build", false, 1.25, error: "exit code: 1"),
            Step("[stage-1 1/1] COPY --from=build /out/app /app", false, null),
        ]);

        Assert.Equal(
        [
            new StepRecord("[build 2/4] COPY modules/ ./", true, 20, null),
            new StepRecord("[build 3/4] RUN go mod download", false, 4500, 4500),
            StepRecord.Failure("[build 4/4] RUN go build", 1250),
            new StepRecord("[stage-1 1/1] COPY --from=build /out/app /app", false, null, null),
        ], records);
    }
}
