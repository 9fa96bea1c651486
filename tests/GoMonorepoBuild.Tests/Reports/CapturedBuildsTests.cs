using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Reports;

/// <summary>
/// The report's cache analysis fed with the progress buildx really printed (Buildx/Samples: the hello service built
/// after a go.mod edit, then again unchanged), through the same calls BuildChanged makes.
/// </summary>
public class CapturedBuildsTests
{
    static IReadOnlyList<StepRecord> Steps(string sample) =>
        BuildxSteps.ToRecords(RawJsonProgress.Parse(File.ReadAllLines(DockerfilesGolden.PathOf($"../Buildx/Samples/{sample}"))));

    static readonly IReadOnlyDictionary<string, string> Before = ReportSample.Inputs(("services/hello/go.mod", "01"), ("services/hello/main.go", "02"));
    static readonly IReadOnlyDictionary<string, string> AfterGoModEdit = ReportSample.Inputs(("services/hello/go.mod", "11"), ("services/hello/main.go", "02"));

    static ServiceReport Row() => new("hello", "services/hello", ServiceStatus.Built);

    [Fact]
    public void A_go_mod_edit_is_named_as_what_broke_the_cache_at_the_module_copy()
    {
        var earlier = Row() with { Inputs = Before };

        var cold = CacheAnalysis.Apply(Row(), Steps("cold.rawjson"), AfterGoModEdit, earlier);

        Assert.StartsWith("[build 4/7] COPY modules/", cold.FirstMissedStep!.Name);
        Assert.Equal(["services/hello/go.mod"], cold.FirstMissedStep.ChangedInputs!.Modified);
        Assert.Equal(new StepCounts(8, 3), cold.Steps);
    }

    [Fact]
    public void The_unchanged_rebuild_saves_what_the_cold_build_spent_on_the_steps_it_ran()
    {
        var cold = CacheAnalysis.Apply(Row(), Steps("cold.rawjson"), AfterGoModEdit, Row() with { Inputs = Before });
        var warm = CacheAnalysis.Apply(Row(), Steps("warm.rawjson"), AfterGoModEdit, cold);

        var ranCold = cold.StepDetails.Where(s => !s.Cached).Sum(s => s.DurationMs!.Value);
        var hitWarm = warm.StepDetails.Where(s => cold.StepDetails.Any(c => !c.Cached && c.Key == s.Key)).Sum(s => s.DurationMs ?? 0);
        Assert.Null(warm.FirstMissedStep);
        Assert.True(ranCold > 100, $"the cold build's steps took {ranCold} ms");
        Assert.Equal(ranCold - hitWarm, warm.TimeSavedMs);
    }
}
