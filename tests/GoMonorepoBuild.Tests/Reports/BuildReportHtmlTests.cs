using System.Text.RegularExpressions;
using GoMonorepoBuild.Reports;

namespace GoMonorepoBuild.Tests.Reports;

public class BuildReportHtmlTests
{
    [Fact]
    public void The_page_has_a_chart_per_service_and_a_step_chart_for_each_one_built()
    {
        var html = BuildReportHtml.Render(ReportSample.Report(), ReportSample.History());

        Assert.Equal(["orders", "catalog", "gateway", "payments"],
            Regex.Matches(html, "<figure class=\"chart\" data-service=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        Assert.Equal(3, Regex.Matches(html, "<svg class=\"steps-chart\"").Count);
        Assert.Equal(4, Regex.Matches(html, "<svg class=\"trend-chart\"").Count);
        Assert.Contains("libs/money/doc.go (added)", html);
        Assert.Contains("services/orders imports example.com/libs/money", html);
        Assert.Contains("undefined: handler &lt;nil&gt;", html);
    }

    [Fact]
    public void The_page_is_self_contained_it_loads_and_runs_nothing()
    {
        var html = BuildReportHtml.Render(ReportSample.Report(), ReportSample.History());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex(@"\s(src|href)=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", html);
    }

    [Fact]
    public void Names_and_logs_are_escaped()
    {
        var report = new BuildReport([new ServiceReport("<b>x</b>", "p", ServiceStatus.Failed) { ErrorTail = "<script>alert(1)</script>" }]);

        var html = BuildReportHtml.Render(report, []);

        Assert.DoesNotContain("<b>x</b>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void The_trend_has_a_bar_per_run_the_service_was_built_in()
    {
        var history = ReportSample.History();

        var html = BuildReportHtml.Render(ReportSample.Report(), history);
        var payments = Regex.Match(html, "id=\"service-payments\".*?</section>", RegexOptions.Singleline).Value;
        var orders = Regex.Match(html, "id=\"service-orders\".*?</section>", RegexOptions.Singleline).Value;

        Assert.Equal(6, Regex.Matches(orders, "class=\"run-bar\"").Count);
        Assert.Equal(5, Regex.Matches(payments, "class=\"run-bar\"").Count);
        Assert.Contains("not built this run", payments);
    }
}
