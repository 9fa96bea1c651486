namespace GoMonorepoBuild.Targets;

/// <summary><c>--verbosity</c>: quiet shows warnings and errors; verbose adds debug messages and stack traces.</summary>
public enum Verbosity
{
    Quiet,
    Normal,
    Verbose,
}
