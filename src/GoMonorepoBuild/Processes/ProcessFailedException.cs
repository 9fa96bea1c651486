namespace GoMonorepoBuild.Processes;

/// <summary>An external process exited non-zero. The message names the command, the exit code and the tail of stderr.</summary>
public sealed class ProcessFailedException(string commandLine, int exitCode, string standardErrorTail)
    : Exception($"'{commandLine}' failed with exit code {exitCode}." +
                (standardErrorTail.Length > 0 ? $"{Environment.NewLine}{standardErrorTail}" : ""))
{
    public string CommandLine { get; } = commandLine;
    public int ExitCode { get; } = exitCode;
    public string StandardErrorTail { get; } = standardErrorTail;
}
