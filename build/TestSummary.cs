using System.Xml.Linq;

/// <summary>
/// The counts of a `dotnet test` run, read from its TRX files, so the Test target can end on the plain
/// "N passed, N failed, N skipped" line that CI systems read, with the failed tests named just above it: a CI log
/// often keeps only its tail, and the console logger prints a failure where it happened, far up.
/// </summary>
sealed record TestSummary(int Passed, int Failed, int Skipped, IReadOnlyList<FailedTest> Failures)
{
    public int Total => Passed + Failed + Skipped;

    public static TestSummary FromTrxFiles(IEnumerable<string> trxFiles)
    {
        var summary = new TestSummary(0, 0, 0, []);
        foreach (var file in trxFiles)
        {
            var document = XDocument.Load(file);
            var counters = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
            if (counters is null) continue;
            int Count(string name) => int.TryParse(counters.Attribute(name)?.Value, out var n) ? n : 0;
            summary = new TestSummary(
                summary.Passed + Count("passed"),
                summary.Failed + Count("failed") + Count("error") + Count("timeout") + Count("aborted"),
                // xunit v3's skips leave the counter at 0: each shows only as a result whose outcome is NotExecuted.
                summary.Skipped + Math.Max(Count("notExecuted"), document.Descendants().Count(e => e.Name.LocalName == "UnitTestResult" && e.Attribute("outcome")?.Value == "NotExecuted")),
                [.. summary.Failures, .. FailedTest.AllIn(document)]);
        }
        return summary;
    }

    /// <summary>Each failed test's name and the head of its message and stack, for the end of the log.</summary>
    public string FailuresText() =>
        Failures.Count == 0 ? "" : $"Failed tests ({Failures.Count}):\n" + string.Join("\n", Failures.Select(f => f.ToString()));

    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
