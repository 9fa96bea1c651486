using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Inputs;
using GoMonorepoBuild.Pipeline.ChangedBuild;
using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Tests.Support;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Tests.Reports;

/// <summary>
/// The report's half of BuildChanged on a real BuildKit engine: build the hello service, edit a library it uses, build
/// again, each time through BuildChanged's real pipeline, which reads the previous run's report and writes its own.
/// </summary>
public sealed class ReportEngineTests : IAsyncDisposable
{
    readonly DockerEnvironment _engine = RealEngine.Require();
    readonly BuildxHelloMonorepo _repo = new();
    readonly DockerfilesScratchFolder _build = new();
    readonly List<string> _tags = [];
    readonly string _registry = $"gmb-test-report-{Guid.NewGuid():N}"[..28];

    /// <summary>hello as the workspace model has it: its module and sources are its image inputs.</summary>
    GoService Hello => new(
        "hello", _repo.Hello.ModuleDir, "example.com/services/hello", "1.23", ["example.com/services/hello"], [], [],
        [.. _repo.Hello.ModuleFiles, .. _repo.Hello.SourceFiles], _repo.Hello.ModuleFiles, _repo.Hello.SourceFiles, [], [], false);

    async Task<ServiceReport> BuildAndReportAsync()
    {
        GeneratedService? generated = null;
        var run = new ChangedBuildRun(_build.Path, new BuildxDriver(_engine), ChangedBuildRun.SettingsUnder(_build.Path, _registry));
        var outcome = await run.RunAsync(
            [BuildDecision.Selected(Hello, "affected")],
            _ => new ServiceContext(generated!.DockerfilePath, generated.ContextDir),
            (_, _) =>
            {
                generated = ServiceGenerator.Generate(_repo.Root, _repo.Hello, DockerfileOptions.Default.WithBuilderImage(BuildxTestSettings.GoImage), _repo.OutDir);
                return Task.CompletedTask;
            },
            (service, dockerfile) => InputDigests.From(GitIndexDigests.For(_repo.Root), service.ImageInputs, dockerfile));
        var row = Assert.Single(outcome.Report.Services);
        _tags.AddRange(row.Tags);
        Assert.True(outcome.Succeeded, outcome.Failure + "\n" + row.ErrorTail);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join('\n', row.StepDetails.Select(s => $"{(s.Cached ? "CACHED" : "ran")} {s.DurationMs}: {s.Name}")));
        return row;
    }

    [Fact]
    public async Task After_a_library_edit_the_report_names_the_file_and_the_time_the_module_download_cache_saved()
    {
        // A go.mod of its own, so the module steps really run cold instead of hitting another test's cache.
        _repo.Write("libs/greet/go.mod", $"module example.com/libs/greet\n\n// {_repo.Salt}\ngo 1.23\n");
        var cold = await BuildAndReportAsync();
        Assert.False(cold.StepDetails.Single(s => s.Name.Contains("go mod download")).Cached);
        _repo.Write("libs/greet/greet.go", "package greet\n\nfunc Hello(name string) string { return \"hi, \" + name }\n");

        var edited = await BuildAndReportAsync();

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

        // The pipeline wrote every report file; the HTML page names the edit too.
        var html = await File.ReadAllTextAsync(Path.Combine(_build.Path, BuildReportHtml.DefaultRelativePath), TestContext.Current.CancellationToken);
        Assert.Contains("libs/greet/greet.go (modified)", html);
    }

    public async ValueTask DisposeAsync()
    {
        await new BuildxDockerCli(_engine).RemoveImagesAsync([.. _tags.Distinct()]);
        _repo.Dispose();
        _build.Dispose();
    }
}
