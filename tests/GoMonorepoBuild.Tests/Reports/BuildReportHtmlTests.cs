using System.Text.RegularExpressions;
using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Tests.Reports;

public class BuildReportHtmlTests
{
    [Fact]
    public void The_page_has_a_chart_per_service_and_a_step_chart_for_each_one_built()
    {
        var html = BuildReportHtml.Render(ReportSample.Report(), ReportSample.History());

        Assert.Equal(["gateway", "orders", "catalog", "payments"],
            Regex.Matches(html, "<figure class=\"chart\" data-service=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        Assert.Equal(3, Regex.Matches(html, "<svg class=\"steps-chart\"").Count);
        Assert.Equal(4, Regex.Matches(html, "<svg class=\"trend-chart\"").Count);
        Assert.Contains("libs/money/doc.go (added)", html);
        Assert.Contains("services/orders imports example.com/libs/money", html);
        Assert.Contains("undefined: handler &lt;nil&gt;", html);
    }

    [Fact]
    public void The_written_page_is_the_rendered_page_in_utf8_without_a_byte_order_mark()
    {
        var dir = Directory.CreateTempSubdirectory("gmb-html-").FullName;
        try
        {
            var path = Path.Combine(dir, "build-report.html");
            // Non-ASCII text in a chunk of its own ("·" separators, an ellipsis in a name) must be encoded whole.
            var report = ReportSample.Report() with { Services = [.. ReportSample.Report().Services, new ServiceReport("na\u00efve-\u2026", "services/x", ServiceStatus.Skipped) { Reason = new string('\u00e9', 9000) }] };
            BuildReportHtml.Write(path, report, ReportSample.History());
            Assert.Equal(new System.Text.UTF8Encoding(false).GetBytes(BuildReportHtml.Render(report, ReportSample.History())), File.ReadAllBytes(path));
            BuildReportHtml.Write(path, ReportSample.Report(), []);
            Assert.Equal(BuildReportHtml.Render(ReportSample.Report(), []), File.ReadAllText(path));
            Assert.Equal(["build-report.html"], Directory.GetFiles(dir).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void The_page_is_self_contained_it_loads_nothing_and_runs_only_its_own_inline_script()
    {
        var html = BuildReportHtml.Render(ReportSample.Report(), ReportSample.History());

        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.Contains("<script>(() =>", html);
        Assert.Matches(@"script-src 'sha256-[A-Za-z0-9+/=]+'", html);
        Assert.DoesNotMatch(new Regex(@"\s(src=|href=""[^#])", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", html);
    }

    [Fact]
    public void Names_and_logs_are_escaped()
    {
        var report = new BuildReport([new ServiceReport("<b>x</b>", "p", ServiceStatus.Failed) { ErrorTail = "<script>alert(1)</script>" }]);

        var html = BuildReportHtml.Render(report, []);

        Assert.DoesNotContain("<b>x</b>", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert", html);
    }

    [Fact]
    public void The_trend_has_a_bar_per_run_the_service_was_built_in()
    {
        var history = ReportSample.History();

        var html = BuildReportHtml.Render(ReportSample.Report(), history);
        var payments = Regex.Match(html, "id=\"service-payments\".*?</details>", RegexOptions.Singleline).Value;
        var orders = Regex.Match(html, "id=\"service-orders\".*?</details>", RegexOptions.Singleline).Value;

        Assert.Equal(6, Regex.Matches(orders, "class=\"run-bar\"").Count);
        Assert.Equal(5, Regex.Matches(payments, "class=\"run-bar\"").Count);
        Assert.DoesNotContain("steps-chart", payments);
    }

    [Fact]
    public void A_service_with_no_build_in_the_history_gets_a_sentence_instead_of_an_empty_chart()
    {
        var html = BuildReportHtml.Render(ReportSample.Report(), history: []);
        string Details(string service) => Regex.Match(html, $"id=\"service-{service}\".*?</details>", RegexOptions.Singleline).Value;

        Assert.DoesNotContain("<svg", Details("payments"));
        Assert.Contains("Not built this run, and no build of it in the history: no charts.", Details("payments"));
        Assert.Contains("<svg class=\"steps-chart\"", Details("orders"));
        Assert.DoesNotContain("trend-chart", Details("orders"));
        Assert.Contains("No build of this service in the history yet", Details("orders"));
        Assert.DoesNotContain("fleet-chart", html);
    }

    [Fact]
    public void Failed_and_run_bars_differ_from_cached_ones_by_pattern_not_only_by_colour()
    {
        var html = BuildReportHtml.Render(ReportSample.Report(), ReportSample.History());
        var gateway = Regex.Match(html, "id=\"service-gateway\".*?</details>", RegexOptions.Singleline).Value;

        Assert.Contains("<pattern id=\"failed-hatch\"", html);
        Assert.Contains("<pattern id=\"run-hatch\"", html);
        Assert.Matches("<rect [^>]*fill=\"url\\(#failed-hatch\\)\" class=\"failed\"", gateway);
        Assert.Matches("<rect [^>]*fill=\"url\\(#failed-hatch\\)\" class=\"run-bar\"", gateway);
        Assert.DoesNotMatch("fill=\"#d64545\"", html.Replace("<rect width=\"8\" height=\"8\" fill=\"#d64545\"/>", ""));
    }
}
