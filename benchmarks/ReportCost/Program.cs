using System.Diagnostics;
using GoMonorepoBuild.Reports;
// The cold cost of each part of a run's report, in a fresh process as in a run, with the build's own ReadyToRun
// assemblies (.nuke/temp/build-bin, copied beside this program by report-cost.sh). Argument: the reports folder.
var src = args.Length > 0 ? args[0] : ".nuke/temp/reports";
var dir = Directory.CreateTempSubdirectory("reptime-").FullName;
File.Copy(Path.Combine(src, "history.jsonl"), Path.Combine(dir, "history.jsonl"));
try
{
if (args.Length > 1)
{
    // "sequential" or "overlapped": the report's end as BuildChanged pays it, files then table, or files beside the table.
    var previous = BuildReportJson.TryRead(Path.Combine(src, "build-report.json"), out _)!;
    var files = new ReportFiles(Path.Combine(dir, "r.json"), Path.Combine(dir, "history.jsonl"), Path.Combine(dir, "r.html"));
    var clock = Stopwatch.StartNew();
    if (args[1] == "overlapped")
    {
        var writing = Task.Run(() => files.Write(previous, null, Path.Combine(dir, "r.md")));
        object rendered = BuildReportTable.Render(previous);
        writing.GetAwaiter().GetResult();
    }
    else
    {
        files.Write(previous, null, Path.Combine(dir, "r.md"));
        object rendered = BuildReportTable.Render(previous);
    }
    Console.WriteLine($"{args[1]}: {clock.ElapsedMilliseconds} ms");
    return;
}
var w = Stopwatch.StartNew();
var report = BuildReportJson.TryRead(Path.Combine(src, "build-report.json"), out var problem)!;
Console.WriteLine($"read previous json: {w.ElapsedMilliseconds} ms"); w.Restart();
BuildReportJson.Write(report, Path.Combine(dir, "r.json"));
Console.WriteLine($"json write: {w.ElapsedMilliseconds} ms"); w.Restart();
BuildHistory.Append(Path.Combine(dir, "history.jsonl"), report);
Console.WriteLine($"history append: {w.ElapsedMilliseconds} ms"); w.Restart();
var hist = BuildHistory.Read(Path.Combine(dir, "history.jsonl"), last: 30);
Console.WriteLine($"history tail read ({hist.Count}): {w.ElapsedMilliseconds} ms"); w.Restart();
BuildReportHtml.Write(Path.Combine(dir, "r.html"), report, hist);
Console.WriteLine($"html: {w.ElapsedMilliseconds} ms"); w.Restart();
File.WriteAllText(Path.Combine(dir, "r.md"), BuildReportMarkdown.Render(report));
Console.WriteLine($"markdown: {w.ElapsedMilliseconds} ms"); w.Restart();
object table = BuildReportTable.Render(report);
Console.WriteLine($"table: {w.ElapsedMilliseconds} ms"); w.Restart();
BuildReportHtml.Write(Path.Combine(dir, "r2.html"), report, hist);
Console.WriteLine($"html again (warm): {w.ElapsedMilliseconds} ms");
}
finally
{
    Directory.Delete(dir, recursive: true);
}
