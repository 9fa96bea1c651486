namespace GoMonorepoBuild.Targets;

/// <summary>
/// The build's console log; targets and framework stages write through it. Messages are written as given (never read as
/// markup); Debug shows only with <c>--verbosity verbose</c>, Information is hidden by <c>--verbosity quiet</c>.
/// </summary>
public static class Log
{
    // Async-local so concurrent builds (tests) each log to their own writers; tasks a target starts inherit it.
    static readonly AsyncLocal<LogOutput?> Scoped = new();

    internal static LogOutput Output
    {
        get => Scoped.Value ?? LogOutput.Console;
        set => Scoped.Value = value;
    }

    public static bool IsVerbose => Output.Verbosity >= Verbosity.Verbose;

    public static void Debug(string message)
    {
        if (IsVerbose) Write(Output.Out, message);
    }

    public static void Information(string message)
    {
        if (Output.Verbosity >= Verbosity.Normal) Write(Output.Out, message);
    }

    public static void Warning(string message) => Write(Output.Out, "warning: " + message);

    public static void Error(string message) => Write(Output.Error, "error: " + message);

    static void Write(TextWriter writer, string message)
    {
        lock (writer) writer.WriteLine(message);
    }
}
