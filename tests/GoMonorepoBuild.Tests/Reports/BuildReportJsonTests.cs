using System.Text.Json;
using GoMonorepoBuild.Reports;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Reports;

public class BuildReportJsonTests
{
    static BuildReport Sample() => new([
        new ServiceReport("orders", "services/orders", ServiceStatus.Built)
        {
            Reason = "selected", Steps = new StepCounts(12, 10), DurationMs = 1234, ImageSizeBytes = 4_500_000,
            Image = "gomonorepobuild/orders:dev", Tags = ["gomonorepobuild/orders:dev"],
        },
        new ServiceReport("payments", "services/payments", ServiceStatus.Skipped) { Reason = "not affected" },
    ]);

    [Fact]
    public void A_ci_pipeline_reads_the_contract_fields_of_every_service()
    {
        using var doc = JsonDocument.Parse(BuildReportJson.Serialize(Sample()));
        var orders = doc.RootElement.GetProperty("services")[0];
        Assert.Equal("orders", orders.GetProperty("name").GetString());
        Assert.Equal("services/orders", orders.GetProperty("path").GetString());
        Assert.Equal("built", orders.GetProperty("status").GetString());
        Assert.Equal("selected", orders.GetProperty("reason").GetString());
        Assert.Equal(12, orders.GetProperty("steps").GetProperty("total").GetInt32());
        Assert.Equal(10, orders.GetProperty("steps").GetProperty("cached").GetInt32());
        Assert.Equal(1234, orders.GetProperty("durationMs").GetInt64());
        Assert.Equal(4_500_000, orders.GetProperty("imageSizeBytes").GetInt64());
        Assert.Equal("gomonorepobuild/orders:dev", orders.GetProperty("image").GetString());
        Assert.Equal("skipped", doc.RootElement.GetProperty("services")[1].GetProperty("status").GetString());
    }

    [Fact]
    public void A_written_report_reads_back_the_same()
    {
        var path = Path.Combine(Path.GetTempPath(), "gmb-report-" + Guid.NewGuid().ToString("N"), "r.json");
        BuildReportJson.Write(Sample(), path);
        var back = BuildReportJson.Deserialize(File.ReadAllText(path));
        Assert.Equal(Sample().Services.Select(s => (s.Name, s.Status, s.Steps)), back.Services.Select(s => (s.Name, s.Status, s.Steps)));
        Assert.False(File.Exists(path + ".tmp"));
        Directory.Delete(Path.GetDirectoryName(path)!, true);
    }

    [Theory]
    [InlineData(ServiceStatus.Built, true)]
    [InlineData(ServiceStatus.Skipped, true)]
    [InlineData(ServiceStatus.Failed, false)]
    [InlineData(ServiceStatus.Cancelled, false)]
    public void A_run_succeeds_only_when_nothing_failed_or_was_cancelled(ServiceStatus status, bool succeeded) =>
        Assert.Equal(succeeded, new BuildReport([new ServiceReport("a", "services/a", status)]).Succeeded);

    [Fact]
    public void The_json_of_a_fixed_report_is_exactly_the_golden_file() =>
        DockerfilesGolden.Matches("Golden/sample-report.json", BuildReportJson.Serialize(ReportSample.Report()) + "\n");

    [Fact]
    public void A_full_report_reads_back_to_the_same_json()
    {
        var json = BuildReportJson.Serialize(ReportSample.Report());
        Assert.Equal(json, BuildReportJson.Serialize(BuildReportJson.Deserialize(json)));
    }

    [Fact]
    public void A_report_written_before_inputs_and_step_details_existed_still_reads()
    {
        var old = """{ "services": [ { "name": "a", "path": "services/a", "status": "built", "steps": { "total": 3, "cached": 1 } } ] }""";
        var row = BuildReportJson.Deserialize(old).Services[0];
        Assert.Null(row.Inputs);
        Assert.Empty(row.StepDetails);
        Assert.Equal(new StepCounts(3, 1), row.Steps);
    }

    [Fact]
    public void The_previous_report_is_optional_and_a_corrupt_one_is_named_not_thrown()
    {
        var dir = Directory.CreateTempSubdirectory("gmb-report-").FullName;
        var path = Path.Combine(dir, "build-report.json");
        Assert.Null(BuildReportJson.TryRead(path, out var absent));
        Assert.Null(absent);

        File.WriteAllText(path, "{ \"services\": [ {");
        Assert.Null(BuildReportJson.TryRead(path, out var problem));
        Assert.Contains(path, problem);

        BuildReportJson.Write(ReportSample.Report(), path);
        Assert.Equal(4, BuildReportJson.TryRead(path, out _)!.Services.Count);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Steps_serialise_how_many_ran_and_the_hit_ratio()
    {
        using var doc = JsonDocument.Parse(BuildReportJson.Serialize(Sample()));
        var steps = doc.RootElement.GetProperty("services")[0].GetProperty("steps");
        Assert.Equal(2, steps.GetProperty("run").GetInt32());
        Assert.Equal(0.8333, steps.GetProperty("hitRatio").GetDouble());
    }

    [Theory]
    [InlineData("""{"services":null}""", 0, "services (null)")]
    [InlineData("""{"services":[null,{"name":"orders","path":"services/orders","status":"built"}]}""", 1, "services[0] (null)")]
    [InlineData("""{"services":[{"name":"orders","path":null,"status":"built","tags":[null],"stepDetails":[null,{"name":null,"cached":true},{"name":"[build 1/2] RUN go build","cached":false,"durationMs":5,"lastRunMs":5}],"inputs":{"a.go":null},"firstMissedStep":{"name":null,"reason":null}}]}""", 1, "services[0] (orders).stepDetails (2 null or without a name)")]
    public void A_previous_report_with_nulls_is_read_without_them_and_the_warning_names_what_was_left_out(string json, int services, string named)
    {
        var path = Path.Combine(Path.GetTempPath(), "gmb-report-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        try
        {
            var report = BuildReportJson.TryRead(path, out var problem);

            Assert.NotNull(report);
            Assert.Equal(services, report.Services.Count);
            Assert.Contains(named, problem);
            Assert.Contains(path, problem);
            // What is kept serialises without a null where the contract promises a value.
            var written = BuildReportJson.Serialize(report);
            Assert.DoesNotContain("[null", written);
            Assert.DoesNotContain("\"name\": null", written);
            Assert.DoesNotContain("\"path\": null", written);
            if (json.Contains("stepDetails"))
            {
                var orders = report.Services[0];
                Assert.Equal(["[build 1/2] RUN go build"], orders.StepDetails.Select(s => s.Name));
                Assert.Null(orders.Inputs);
                Assert.Null(orders.FirstMissedStep);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
    [Fact]
    public void The_written_file_is_the_serialized_text_and_a_newline_in_utf8_without_a_byte_order_mark()
    {
        var dir = Directory.CreateTempSubdirectory("gmb-report-").FullName;
        try
        {
            var path = Path.Combine(dir, "build-report.json");
            BuildReportJson.Write(ReportSample.Report(), path);
            Assert.Equal(new System.Text.UTF8Encoding(false).GetBytes(BuildReportJson.Serialize(ReportSample.Report()) + "\n"), File.ReadAllBytes(path));
            // Written through a temp file: a shorter report replaces a longer one whole.
            BuildReportJson.Write(Sample(), path);
            Assert.Equal(BuildReportJson.Serialize(Sample()) + "\n", File.ReadAllText(path));
            Assert.Equal(["build-report.json"], Directory.GetFiles(dir).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    public static TheoryData<string, byte[]> PreviousReportEncodings => new()
    {
        { "utf-8 with a byte order mark", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(SampleJson("orders"))] },
        { "utf-16 little endian with its mark", [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(SampleJson("orders"))] },
        { "utf-16 big endian with its mark", [.. System.Text.Encoding.BigEndianUnicode.GetPreamble(), .. System.Text.Encoding.BigEndianUnicode.GetBytes(SampleJson("orders"))] },
        // Invalid UTF-8 in a value: read as File.ReadAllText decodes it (a replacement character), not a failed read.
        { "utf-8 with an invalid byte in a value", [.. System.Text.Encoding.UTF8.GetBytes(SampleJson("ord")), 0xFF, .. System.Text.Encoding.UTF8.GetBytes("ers")] },
    };

    static string SampleJson(string reasonStart) =>
        "{ \"services\": [ { \"name\": \"orders\", \"path\": \"services/orders\", \"status\": \"built\", \"reason\": \"" + reasonStart;

    [Theory]
    [MemberData(nameof(PreviousReportEncodings))]
    public void A_previous_report_is_decoded_as_a_text_reader_decodes_it(string encoding, byte[] start)
    {
        var dir = Directory.CreateTempSubdirectory("gmb-report-").FullName;
        try
        {
            var path = Path.Combine(dir, "build-report.json");
            var end = encoding.StartsWith("utf-16 little", StringComparison.Ordinal) ? System.Text.Encoding.Unicode
                : encoding.StartsWith("utf-16 big", StringComparison.Ordinal) ? System.Text.Encoding.BigEndianUnicode : System.Text.Encoding.UTF8;
            File.WriteAllBytes(path, [.. start, .. end.GetBytes("\" } ] }\n")]);

            var report = BuildReportJson.TryRead(path, out var problem);

            Assert.Null(problem);
            Assert.NotNull(report);
            var expected = BuildReportJson.Deserialize(File.ReadAllText(path)).Services.Single();
            var row = report.Services.Single();
            Assert.Equal((expected.Name, expected.Status, expected.Reason), (row.Name, row.Status, row.Reason));
            Assert.StartsWith("ord", row.Reason);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
