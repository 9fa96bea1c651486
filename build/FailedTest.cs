using System.Xml.Linq;

/// <summary>A failed test as a TRX file records it, printed at the end of the Test target's log.</summary>
sealed record FailedTest(string Name, string Message, string Stack)
{
    const int MessageLines = 25, StackLines = 8;

    public static IEnumerable<FailedTest> AllIn(XDocument trx) =>
        from result in trx.Descendants()
        where result.Name.LocalName == "UnitTestResult" && result.Attribute("outcome")?.Value is "Failed" or "Error" or "Timeout" or "Aborted"
        let error = result.Descendants().FirstOrDefault(e => e.Name.LocalName == "ErrorInfo")
        select new FailedTest(
            result.Attribute("testName")?.Value ?? "(unnamed)",
            Text(error, "Message"),
            Text(error, "StackTrace"));

    static string Text(XElement? error, string name) =>
        error?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value ?? "";

    static string Head(string text, int lines)
    {
        var all = text.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        return string.Join("\n", all.Take(lines).Select(l => "    " + l)) + (all.Length > lines ? $"\n    ... ({all.Length - lines} more lines)" : "");
    }

    public override string ToString() =>
        $"  {Name}\n{Head(Message, MessageLines)}" + (Stack.Length == 0 ? "" : $"\n{Head(Stack, StackLines)}");
}
