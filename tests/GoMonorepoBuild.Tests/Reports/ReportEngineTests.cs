using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Inputs;
using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Reports;

/// <summary>
/// The report's half of BuildChanged on a real BuildKit engine: build the hello service, edit a library it uses,
/// build again, and report through the same calls BuildChanged makes (BuildxSteps, InputDigests, CacheAnalysis).
/// </summary>
public sealed class ReportEngineTests : IAsyncDisposable
{
    readonly DockerEnvironment _engine = RealEngine.Require();
    readonly BuildxHelloMonorepo _repo = new();
    readonly List<string> _tags = [];

    async Task<ServiceReport> BuildAndReportAsync(ServiceReport? previous)
    {
        var service = _repo.Hello;
        var generated = ServiceGenerator.Generate(_repo.Root, service, DockerfileOptions.Default.WithBuilderImage(BuildxTestSettings.GoImage), _repo.OutDir);
        var tag = BuildxDockerCli.UniqueTag("report");
        _tags.Add(tag);
        var build = new BuildxBuild(generated.Name, generated.DockerfilePath, generated.ContextDir)
            .WithTag(tag).WithLoad().WithNetwork(BuildxTestSettings.Network);
        var outcome = await new BuildxDriver(_engine).BuildAsync(build, TestContext.Current.CancellationToken);
        Assert.True(outcome.Succeeded, outcome.Error + "\n" + outcome.LogTail);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join('\n', outcome.Steps.Select(s => $"{(s.Internal ? "internal" : s.Cached ? "CACHED" : "ran")} {s.Duration?.TotalMilliseconds:0}: {s.Name}")));

        var row = new ServiceReport(service.Name, service.ModuleDir, ServiceStatus.Built) { DurationMs = (long)outcome.Duration.TotalMilliseconds };
        var inputs = InputDigests.From(GitIndexDigests.For(_repo.Root), [.. service.ModuleFiles, .. service.SourceFiles], generated.DockerfilePath);
        return CacheAnalysis.Apply(row, BuildxSteps.ToRecords(outcome.Steps), inputs, previous);
    }

    [Fact]
    public async Task After_a_library_edit_the_report_names_the_file_and_the_time_the_module_download_cache_saved()
    {
        // A go.mod of its own, so the module steps really run cold instead of hitting another test's cache.
        _repo.Write("libs/greet/go.mod", $"module example.com/libs/greet\n\n// {_repo.Salt}\ngo 1.23\n");
        var cold = await BuildAndReportAsync(previous: null);
        Assert.False(cold.StepDetails.Single(s => s.Name.Contains("go mod download")).Cached);
        _repo.Write("libs/greet/greet.go", "package greet\n\nfunc Hello(name string) string { return \"hi, \" + name }\n");

        var edited = await BuildAndReportAsync(cold);

        // Which step is the first miss is the driver's business (and a step shared with another build running on the
        // same engine at that moment can show as run); the report's is naming what changed and what was saved.
        var missed = edited.FirstMissedStep!;
        Assert.False(edited.StepDetails.Single(s => s.Name.Contains("COPY sources/")).Cached);
        Assert.Equal(["libs/greet/greet.go"], missed.ChangedInputs!.Modified);
        Assert.Empty(missed.ChangedInputs.Added.Concat(missed.ChangedInputs.Removed));
        var download = edited.StepDetails.Single(s => s.Name.Contains("go mod download"));
        Assert.True(download.Cached);
        Assert.Equal(cold.StepDetails.Single(s => s.Name.Contains("go mod download")).DurationMs, download.LastRunMs);
        Assert.True(edited.TimeSavedMs > 0, $"time saved {edited.TimeSavedMs}");

        var html = BuildReportHtml.Render(new BuildReport([edited]), []);
        Assert.Contains("libs/greet/greet.go (modified)", html);
    }

    public async ValueTask DisposeAsync()
    {
        await new BuildxDockerCli(_engine).RemoveImagesAsync([.. _tags]);
        _repo.Dispose();
    }
}
