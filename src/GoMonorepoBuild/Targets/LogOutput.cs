namespace GoMonorepoBuild.Targets;

/// <summary>Where the log writes and how much. A build run (or a test) scopes its own; otherwise it is the console.</summary>
internal sealed record LogOutput(TextWriter Out, TextWriter Error, Verbosity Verbosity)
{
    public static LogOutput Console => new(System.Console.Out, System.Console.Error, Verbosity.Normal);

    public LogOutput WithVerbosity(Verbosity verbosity) => this with { Verbosity = verbosity };
}
