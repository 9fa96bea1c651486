using System.Text;

namespace GoMonorepoBuild.Ci;

/// <summary>GitHub Actions: outputs and the summary go to the files the runner names; groups and annotations to the log.</summary>
internal sealed class GitHubActions(TextWriter log, string? outputFile, string? summaryFile) : CiEnvironment(log)
{
    // GitHub rejects a step summary over 1 MiB: better a cut report than none.
    internal const int SummaryLimitBytes = 1024 * 1024;

    public override CiKind Kind => CiKind.GitHubActions;

    public override void WriteOutputs(IEnumerable<KeyValuePair<string, string>> outputs)
    {
        if (string.IsNullOrEmpty(outputFile))
            throw new InvalidOperationException(
                "GITHUB_ACTIONS is true but GITHUB_OUTPUT is not set: step outputs need a runner of 2.297.0 or later.");
        File.AppendAllText(outputFile, GitHubOutputFile.Format(outputs));
    }

    public override void AppendJobSummary(string markdown)
    {
        if (string.IsNullOrEmpty(summaryFile))
        {
            Log.WriteLine(WorkflowCommand.Format("warning", [], "GITHUB_STEP_SUMMARY is not set: the build report is not in the job summary."));
            return;
        }
        var existing = File.Exists(summaryFile) ? new FileInfo(summaryFile).Length : 0;
        File.AppendAllText(summaryFile, Fit(markdown.EndsWith('\n') ? markdown : markdown + "\n", SummaryLimitBytes - existing));
    }

    public override void BeginGroup(string title) => Log.WriteLine("::group::" + WorkflowCommand.EscapeData(title));

    public override void EndGroup() => Log.WriteLine("::endgroup::");

    public override void Annotate(AnnotationLevel level, string? service, string message)
    {
        var command = level switch
        {
            AnnotationLevel.Error => "error",
            AnnotationLevel.Warning => "warning",
            _ => "notice",
        };
        Log.WriteLine(WorkflowCommand.Format(command,
            service is null ? [] : [new("title", service)], message));
    }

    static string Fit(string markdown, long budget)
    {
        const string Cut = "\n\n_The report was cut here: GitHub takes at most 1 MiB of summary per step._\n";
        if (Encoding.UTF8.GetByteCount(markdown) <= budget) return markdown;
        var room = budget - Encoding.UTF8.GetByteCount(Cut);
        if (room <= 0) return "";
        var length = markdown.Length;
        while (length > 0 && Encoding.UTF8.GetByteCount(markdown.AsSpan(0, length)) > room) length = (int)(length * 0.9);
        return markdown[..length] + Cut;
    }
}
