using System.Xml.Linq;

/// <summary>
/// The counts of a `dotnet test` run, read from its TRX file, so the Test target can end on the plain
/// "N passed, N failed, N skipped" line that CI systems read.
/// </summary>
sealed record TestSummary(int Passed, int Failed, int Skipped)
{
    public int Total => Passed + Failed + Skipped;

    public static TestSummary FromTrxFiles(IEnumerable<string> trxFiles)
    {
        var summary = new TestSummary(0, 0, 0);
        foreach (var file in trxFiles)
        {
            var counters = XDocument.Load(file).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
            if (counters is null) continue;
            int Count(string name) => int.TryParse(counters.Attribute(name)?.Value, out var n) ? n : 0;
            summary = new TestSummary(
                summary.Passed + Count("passed"),
                summary.Failed + Count("failed") + Count("error") + Count("timeout") + Count("aborted"),
                summary.Skipped + Count("notExecuted"));
        }
        return summary;
    }

    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
