using Spectre.Console;
using Spectre.Console.Rendering;

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

    /// <summary>
    /// Writes a table, tree or other Spectre renderable to the build's output: styled on a terminal; plain and
    /// 200 columns wide when the output is a file or a CI log, so wide tables do not wrap cell by cell.
    /// </summary>
    public static void Write(IRenderable renderable)
    {
        if (Output.Verbosity < Verbosity.Normal) return;
        var plain = Plain;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Output.Out),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        if (plain) console.Profile.Width = 200;
        lock (Output.Out) console.Write(renderable);
    }

    /// <summary>True when output goes to a file, a pipe or a CI log rather than a terminal.</summary>
    public static bool Plain =>
        System.Console.IsOutputRedirected || !ReferenceEquals(Output.Out, System.Console.Out) ||
        CiVariable.IsSet(ProcessEnvironment.Variable(CiVariable.Name));

    static void Write(TextWriter writer, string message)
    {
        lock (writer) writer.WriteLine(message);
    }
}
