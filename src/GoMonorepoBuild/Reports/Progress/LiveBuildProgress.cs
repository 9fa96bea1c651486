using Spectre.Console;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// A live line per service on a terminal (Spectre.Console progress): its current step while it builds, then its
/// outcome. Failures are also written out in full once the display ends, so their log tail stays readable.
/// </summary>
public sealed class LiveBuildProgress : IBuildProgress
{
    readonly Dictionary<string, ProgressTask> _tasks;
    readonly List<ServiceReport> _failures = [];

    LiveBuildProgress(Dictionary<string, ProgressTask> tasks) => _tasks = tasks;

    /// <summary>Runs <paramref name="body"/> while the display shows a line for each of <paramref name="services"/>.</summary>
    public static async Task<T> RunAsync<T>(IAnsiConsole console, IReadOnlyList<string> services, Func<IBuildProgress, Task<T>> body)
    {
        LiveBuildProgress? display = null;
        var result = await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = services.Distinct().ToDictionary(
                    s => s,
                    s => context.AddTask(Line(s, "[grey]waiting[/]"), autoStart: false, maxValue: 1));
                display = new LiveBuildProgress(tasks);
                return await body(display);
            });
        foreach (var failure in display?._failures ?? [])
            console.WriteLine(PlainBuildProgress.Describe(failure));
        return result;
    }

    public void Started(string service, string image) => Update(service, t =>
    {
        t.StartTask();
        t.Description = Line(service, "building " + Markup.Escape(image));
    });

    public void StepStarted(string service, string step) =>
        Update(service, t => t.Description = Line(service, Markup.Escape(Shorten(step))));

    public void Retrying(string service, int attempt, string why) =>
        Update(service, t => t.Description = Line(service, $"[yellow]retrying (attempt {attempt})[/]: {Markup.Escape(Shorten(why))}"));

    public void Finished(ServiceReport row) => Update(row.Name, t =>
    {
        if (row.Status == ServiceStatus.Failed) lock (_failures) _failures.Add(row);
        t.Description = Line(row.Name, row.Status switch
        {
            ServiceStatus.Built => $"[green]built[/] {row.Steps.Cached}/{row.Steps.Total} cached",
            ServiceStatus.Failed => $"[red]failed[/]: {Markup.Escape(Shorten(row.Reason))}",
            ServiceStatus.Cancelled => "[yellow]cancelled[/]",
            _ => "[grey]skipped[/]",
        });
        t.Value = t.MaxValue;
        t.StopTask();
    });

    void Update(string service, Action<ProgressTask> change)
    {
        if (!_tasks.TryGetValue(service, out var task)) return;
        lock (task) change(task);
    }

    static string Line(string service, string what) => $"[bold]{Markup.Escape(service)}[/] {what}";

    static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 70 ? line : line[..67] + "...";
    }
}
