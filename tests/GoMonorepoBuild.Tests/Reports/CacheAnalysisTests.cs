using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Tests.Reports;

public class CacheAnalysisTests
{
    static readonly IReadOnlyDictionary<string, string> SameInputs = ReportSample.Inputs(("svc/main.go", "01"), ("svc/go.mod", "02"));

    static ServiceReport Row() => new("svc", "svc", ServiceStatus.Built);

    static ServiceReport Build(ServiceReport? previous, IReadOnlyDictionary<string, string> inputs, params StepRecord[] steps) =>
        CacheAnalysis.Apply(Row(), steps, inputs, previous);

    [Fact]
    public void A_cached_step_saves_what_it_took_the_last_time_it_ran_minus_the_cache_hit()
    {
        var cold = Build(null, SameInputs, StepRecord.Ran("[build 2/3] RUN go mod download", 4000), StepRecord.Ran("[build 3/3] RUN go build", 6000));
        var warm = Build(cold, SameInputs, StepRecord.Hit("[build 2/3] RUN go mod download", 25), StepRecord.Ran("[build 3/3] RUN go build", 5000));

        Assert.Equal(3975, warm.TimeSavedMs);
        Assert.Equal(new StepCounts(2, 1), warm.Steps);
        Assert.Equal(4000, warm.StepDetails[0].LastRunMs);
        Assert.Equal(5000, warm.StepDetails[1].LastRunMs);
    }

    [Fact]
    public void The_run_duration_of_a_step_is_carried_through_runs_where_it_stays_cached()
    {
        var cold = Build(null, SameInputs, StepRecord.Ran("[build 2/2] RUN go build", 6000));
        var warm = Build(cold, SameInputs, StepRecord.Hit("[build 2/2] RUN go build", 10));
        var warmer = Build(warm, SameInputs, StepRecord.Hit("[build 2/2] RUN go build", 20));

        Assert.Equal(5980, warmer.TimeSavedMs);
        Assert.Null(warmer.FirstMissedStep);
    }

    [Fact]
    public void Steps_are_matched_by_stage_and_instruction_so_inserting_a_step_does_not_lose_what_was_saved()
    {
        var cold = Build(null, SameInputs, StepRecord.Ran("[build 2/3] RUN go mod download", 4000), StepRecord.Ran("[build 3/3] RUN go build", 6000));
        var grown = Build(cold, SameInputs,
            StepRecord.Ran("[build 2/4] RUN apk add git", 700),
            StepRecord.Hit("[build 3/4] RUN go mod download", 0),
            StepRecord.Ran("[build 4/4] RUN go build", 6100));

        Assert.Equal(4000, grown.TimeSavedMs);
        Assert.Equal("[build 2/4] RUN apk add git", grown.FirstMissedStep!.Name);
        Assert.Contains("new, or its instruction changed in the Dockerfile", grown.FirstMissedStep.Reason);
    }

    [Fact]
    public void Time_saved_is_unknown_when_no_report_ever_saw_the_cached_steps_run_and_zero_when_nothing_was_cached()
    {
        Assert.Null(Build(null, SameInputs, StepRecord.Hit("[build 2/2] RUN go build", 10)).TimeSavedMs);
        Assert.Equal(0, Build(null, SameInputs, StepRecord.Ran("[build 2/2] RUN go build", 10)).TimeSavedMs);
    }

    [Fact]
    public void The_first_missed_step_names_the_input_files_that_changed_since_the_previous_build()
    {
        var report = ReportSample.Report();
        var missed = report.Find("orders")!.FirstMissedStep!;

        Assert.Equal("[build 6/7] COPY sources/ ./", missed.Name);
        Assert.Equal(["libs/money/doc.go"], missed.ChangedInputs!.Added);
        Assert.Equal(["libs/money/round.go"], missed.ChangedInputs.Modified);
        Assert.Empty(missed.ChangedInputs.Removed);
        Assert.Equal("2 input files changed since the previous build: libs/money/doc.go (added), libs/money/round.go (modified)", missed.Reason);
        Assert.Equal(110 + 5 + 30 + 8990, report.Find("orders")!.TimeSavedMs);
    }

    [Fact]
    public void A_miss_with_unchanged_inputs_says_the_cache_no_longer_held_the_step()
    {
        var cold = Build(null, SameInputs, StepRecord.Ran("[build 2/2] RUN go build", 6000));
        var evicted = Build(cold, SameInputs, StepRecord.Ran("[build 2/2] RUN go build", 6000));

        Assert.True(evicted.FirstMissedStep!.ChangedInputs!.IsEmpty);
        Assert.Contains("no input file changed", evicted.FirstMissedStep.Reason);
        Assert.Contains("cache no longer holds it", evicted.FirstMissedStep.Reason);
    }

    [Fact]
    public void A_first_build_says_there_is_nothing_to_compare_with()
    {
        var first = Build(null, SameInputs, StepRecord.Ran("[build 2/2] RUN go build", 6000));

        Assert.Null(first.FirstMissedStep!.ChangedInputs);
        Assert.Equal("no previous build of this service in the report to compare with", first.FirstMissedStep.Reason);
        Assert.Equal(SameInputs, first.Inputs);
    }

    [Fact]
    public void A_failed_step_keeps_the_duration_of_its_last_successful_run()
    {
        var cold = Build(null, SameInputs, StepRecord.Ran("[build 2/2] RUN go build", 6000));
        var failed = Build(cold, SameInputs, StepRecord.Failure("[build 2/2] RUN go build", 300));

        Assert.Equal(6000, failed.StepDetails[0].LastRunMs);
        Assert.Equal(300, failed.StepDetails[0].DurationMs);
    }

    [Fact]
    public void A_skipped_service_keeps_its_last_builds_steps_and_inputs_for_the_next_comparison()
    {
        var cold = Build(null, SameInputs, StepRecord.Ran("[build 2/2] RUN go build", 6000));
        var skipped = CacheAnalysis.CarryOver(new ServiceReport("svc", "svc", ServiceStatus.Skipped), cold);
        var next = Build(skipped, SameInputs, StepRecord.Hit("[build 2/2] RUN go build", 0));

        Assert.Equal(SameInputs, skipped.Inputs);
        Assert.Equal(6000, next.TimeSavedMs);
        Assert.Same(skipped, CacheAnalysis.CarryOver(skipped, null));
    }

    [Theory]
    [InlineData("[build 5/7] RUN go mod download", "[build] RUN go mod download")]
    [InlineData("[linux/arm64 build 3/7] COPY sources/ ./", "[linux/arm64 build] COPY sources/ ./")]
    [InlineData("[stage-1 2/2] COPY --from=build /out/app /app", "[stage-1] COPY --from=build /out/app /app")]
    [InlineData("exporting to image", "exporting to image")]
    public void A_steps_key_drops_only_buildkits_step_counter(string name, string key) =>
        Assert.Equal(key, new StepRecord(name, false, null, null).Key);
}
