using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Tests.Reports;

public sealed class ReportFilesTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("gmb-reportfiles-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Each_run_writes_the_json_and_page_and_grows_the_history_and_the_next_run_reads_it_as_previous()
    {
        var files = ReportFiles.Under(_root);
        Assert.Null(files.ReadPrevious(out var none));
        Assert.Null(none);

        files.Write(ReportSample.Previous());
        var written = files.Write(ReportSample.Report(), extraJsonCopy: Path.Combine(_root, "out", "report.json"));

        Assert.Equal(
            [".nuke/temp/reports/build-report.json", "out/report.json", ".nuke/temp/reports/history.jsonl", ".nuke/temp/reports/build-report.html"],
            written.Select(f => Path.GetRelativePath(_root, f)));
        Assert.All(written, f => Assert.True(File.Exists(f), f));
        Assert.Equal(2, BuildHistory.Read(files.History).Count);
        Assert.Equal(ReportSample.Started, files.ReadPrevious(out _)!.StartedAt);
        Assert.Contains("data-service=\"orders\"", File.ReadAllText(files.Html));
    }

    [Fact]
    public void A_changed_dockerfile_is_an_input_of_the_build()
    {
        Directory.CreateDirectory(Path.Combine(_root, "svc"));
        File.WriteAllText(Path.Combine(_root, "svc", "main.go"), "package main\n");
        var dockerfile = Path.Combine(_root, "gen.Dockerfile");
        File.WriteAllText(dockerfile, "FROM scratch\n");
        var before = InputDigests.ForBuild(_root, ["svc/main.go"], dockerfile);
        File.WriteAllText(dockerfile, "FROM scratch\nUSER 65532\n");

        var changes = InputChanges.Between(before, InputDigests.ForBuild(_root, ["svc/main.go"], dockerfile));

        Assert.Equal([InputDigests.DockerfileKey], changes.Modified);
    }
}
