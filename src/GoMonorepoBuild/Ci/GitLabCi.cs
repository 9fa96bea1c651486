namespace GoMonorepoBuild.Ci;

/// <summary>
/// GitLab CI: collapsible log sections and annotations as log lines. GitLab has no step outputs or job summary;
/// the generated pipeline passes files as artifacts instead and exposes the Markdown report on the merge request.
/// </summary>
internal sealed class GitLabCi(TextWriter log, TimeProvider clock) : CiEnvironment(log)
{
    const string EraseLine = "\u001b[0K";
    readonly Stack<string> open = new();
    int sections;

    public override CiKind Kind => CiKind.GitLabCi;

    public override void BeginGroup(string title)
    {
        // Section names allow only letters, digits, '_', '.' and '-'; a counter keeps equal titles apart.
        var name = $"gmb_{++sections}_" + new string(title.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '_').ToArray());
        open.Push(name);
        Log.WriteLine($"{EraseLine}section_start:{Now()}:{name}[collapsed=true]\r{EraseLine}{OneLine(title)}");
    }

    public override void EndGroup()
    {
        if (open.Count == 0) return;
        Log.WriteLine($"{EraseLine}section_end:{Now()}:{open.Pop()}\r{EraseLine}");
    }

    public override void Annotate(AnnotationLevel level, string? service, string message)
    {
        var prefix = level switch
        {
            AnnotationLevel.Error => "ERROR",
            AnnotationLevel.Warning => "WARNING",
            _ => "NOTICE",
        };
        Log.WriteLine(service is null ? $"{prefix}: {message}" : $"{prefix} [{service}]: {message}");
    }

    long Now() => clock.GetUtcNow().ToUnixTimeSeconds();

    static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');
}
