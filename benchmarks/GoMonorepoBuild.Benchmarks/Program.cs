using System.Diagnostics;
using System.Globalization;
using GoMonorepoBuild.Tests.Support;
using GoMonorepoBuild.Workspace;

// Times GoWorkspace.Load on generated monorepos: one warm-up load, then N timed loads; prints a Markdown table.
// With --cancel, also N loads cancelled early (at a quarter of the fastest load's time, so a busy machine still cancels
// them midway): how long each goes on from the cancel to its OperationCanceledException (issue 18: a cancelled load stops
// between files, not at the end).
// Usage: dotnet run -c Release --project benchmarks/GoMonorepoBuild.Benchmarks -- [--sizes 50,500,2000] [--iterations 7] [--cancel]
var sizes = Option("--sizes", "50,500,2000").Split(',').Select(int.Parse).ToList();
var cancelled = new List<string>();
var iterations = int.Parse(Option("--iterations", "7"), CultureInfo.InvariantCulture);
var workRoot = Path.Combine(Path.GetTempPath(), "gmb-bench-" + Environment.ProcessId);

Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {iterations} timed loads after 1 warm-up, load average before: {LoadAverage()}");
Console.WriteLine();
Console.WriteLine("| Modules | Services | .go files | Packages | First load (cold) | Load median | Min | Max | CPU median (all threads) | µs per .go file (median) |");
Console.WriteLine("|--------:|---------:|----------:|---------:|------------------:|------------:|----:|----:|-------------------------:|-------------------------:|");
try
{
    foreach (var modules in sizes)
    {
        var root = Path.Combine(workRoot, modules.ToString(CultureInfo.InvariantCulture));
        var info = SyntheticMonorepo.Write(root, SyntheticMonorepoOptions.ForModules(modules));
        // The first load pays for JIT compilation, as a build's single load does; it is reported apart.
        var cold = Stopwatch.StartNew();
        var model = GoWorkspace.Load(root);
        var coldMs = cold.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < iterations; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            model = GoWorkspace.Load(root);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }
        times.Sort();
        cpu.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {info.Modules} | {model.Services.Count} | {info.GoFiles} | {model.Packages.Count} | {coldMs:F0} ms | {median:F0} ms | {times[0]:F0} ms | {times[^1]:F0} ms | {cpu[cpu.Count / 2]:F0} ms | {median * 1000 / info.GoFiles:F1} |"));
        if (args.Contains("--cancel")) cancelled.Add(CancelledLoads(root, info, times[0] / 4, iterations));
        Directory.Delete(root, recursive: true);
    }
    if (cancelled.Count > 0)
    {
        Console.WriteLine();
        Console.WriteLine("| Modules | .go files | Cancelled after | Cancel → OperationCanceledException, median | Max |");
        Console.WriteLine("|--------:|----------:|----------------:|--------------------------------------------:|----:|");
        cancelled.ForEach(Console.WriteLine);
    }
    Console.WriteLine();
    Console.WriteLine($"load average after: {LoadAverage()}");
}
finally
{
    if (Directory.Exists(workRoot)) Directory.Delete(workRoot, recursive: true);
}

// Loads cancelled afterMs after they start; the row says how long each went on after the cancel.
static string CancelledLoads(string root, SyntheticMonorepoInfo info, double afterMs, int iterations)
{
    var after = TimeSpan.FromMilliseconds(afterMs);
    var latencies = new List<double>();
    for (var i = 0; i < iterations; i++)
    {
        using var cancellation = new CancellationTokenSource();
        var load = Task.Run(() => GoWorkspace.Load(root, WorkspaceOptions.Default, cancellation.Token));
        Thread.Sleep(after);
        var stopwatch = Stopwatch.StartNew();
        cancellation.Cancel();
        try
        {
            load.GetAwaiter().GetResult();
            latencies.Add(double.NaN); // it finished first: no stop to time
        }
        catch (OperationCanceledException)
        {
            latencies.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
    }
    var stopped = latencies.Where(l => !double.IsNaN(l)).Order().ToList();
    if (stopped.Count == 0) return string.Create(CultureInfo.InvariantCulture, $"| {info.Modules} | {info.GoFiles} | {after.TotalMilliseconds:F0} ms | every load finished first | |");
    return string.Create(CultureInfo.InvariantCulture,
        $"| {info.Modules} | {info.GoFiles} | {after.TotalMilliseconds:F0} ms | {stopped[stopped.Count / 2]:F1} ms ({stopped.Count} of {iterations} stopped) | {stopped[^1]:F1} ms |");
}

// Other work on the machine shows in wall-clock times; the load average says how busy it was.
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

string Option(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
