using System.Collections.Immutable;
using System.Text;
using CliWrap;

namespace GoMonorepoBuild.Processes;

/// <summary>
/// An external program with its environment, e.g. <c>Tool.Named("docker").WithEnvironment("DOCKER_HOST", sock)</c>.
/// Immutable; every run is cancellable (cancellation kills the process with all its descendants and throws
/// <see cref="OperationCanceledException"/>; so does a hard stop, see <see cref="StartedProcesses"/>) and a non-zero exit throws
/// <see cref="ProcessFailedException"/> unless validation is turned off.
/// </summary>
public sealed record Tool
{
    const int StderrTailLines = 20;

    public string Executable { get; init; } = "";
    public string? WorkingDirectory { get; init; }
    public ImmutableDictionary<string, string?> Environment { get; init; } = ImmutableDictionary<string, string?>.Empty;

    /// <summary>Text written to the process's standard input (e.g. object ids for <c>git fetch --stdin</c>); none when null.</summary>
    public string? StandardInput { get; init; }

    public static Tool Named(string executable) => new() { Executable = executable };

    public Tool WithWorkingDirectory(string? directory) => this with { WorkingDirectory = directory };

    public Tool WithStandardInput(string? text) => this with { StandardInput = text };

    public Tool WithEnvironment(string name, string? value) => this with { Environment = Environment.SetItem(name, value) };

    public Tool WithEnvironment(IEnumerable<KeyValuePair<string, string?>> variables) =>
        this with { Environment = Environment.SetItems(variables) };

    /// <summary>Runs to completion, buffering output; throws <see cref="ProcessFailedException"/> on a non-zero exit.</summary>
    public Task<ProcessResult> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        RunCoreAsync(arguments, validate: true, onStdout: null, onStderr: null, cancellationToken);

    /// <summary>Runs to completion and returns the result whatever the exit code.</summary>
    public Task<ProcessResult> TryRunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        RunCoreAsync(arguments, validate: false, onStdout: null, onStderr: null, cancellationToken);

    /// <summary>Runs to completion, handing each output line to the callbacks as it arrives (and buffering it too).</summary>
    public Task<ProcessResult> RunStreamingAsync(
        IEnumerable<string> arguments, Action<string>? onStdout, Action<string>? onStderr,
        bool validate = true, CancellationToken cancellationToken = default) =>
        RunCoreAsync(arguments, validate, onStdout, onStderr, cancellationToken);

    public string Describe(IEnumerable<string> arguments) =>
        string.Join(' ', new[] { Executable }.Concat(arguments.Select(Quote)));

    async Task<ProcessResult> RunCoreAsync(
        IEnumerable<string> arguments, bool validate, Action<string>? onStdout, Action<string>? onStderr,
        CancellationToken cancellationToken)
    {
        var args = arguments.ToArray();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var command = Cli.Wrap(Executable)
            .WithArguments(args)
            .WithEnvironmentVariables(Environment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(Target(stdout, onStdout))
            .WithStandardErrorPipe(Target(stderr, onStderr));
        if (WorkingDirectory is not null)
            command = command.WithWorkingDirectory(WorkingDirectory);
        if (StandardInput is not null)
            command = command.WithStandardInputPipe(PipeSource.FromString(StandardInput));

        cancellationToken.ThrowIfCancellationRequested();
        CommandResult result;
        try
        {
            // Not CliWrap's own cancellation: its tree kill can be cut short when the process exits (a second Ctrl-C)
            // and leave children frozen under init. StartedProcesses kills the whole tree, under one lock.
            var running = command.ExecuteAsync(CancellationToken.None);
            using var started = StartedProcesses.Track(running.ProcessId);
            using (cancellationToken.Register(started.Kill))
                result = await running;
            if (started.WasKilled)
                throw new OperationCanceledException($"'{Describe(args)}' was stopped: the run was cancelled.", cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ProcessFailedException(Describe(args), -1, $"could not start '{Executable}': {e.Message}");
        }
        catch (InvalidOperationException e) when (e.InnerException is System.ComponentModel.Win32Exception w)
        {
            throw new ProcessFailedException(Describe(args), -1, $"could not start '{Executable}': {w.Message}");
        }

        var processResult = new ProcessResult(result.ExitCode, stdout.ToString(), stderr.ToString(), result.RunTime);
        if (validate && result.ExitCode != 0)
            throw new ProcessFailedException(Describe(args), result.ExitCode, Tail(processResult.StandardError));
        return processResult;
    }

    /// <summary>
    /// Buffers the output, and hands it line by line to <paramref name="onLine"/> when there is one: splitting lines costs
    /// a string per line, which a large output without a listener (git ls-files, check-attr) need not pay.
    /// </summary>
    static PipeTarget Target(StringBuilder buffer, Action<string>? onLine) =>
        onLine is null ? PipeTarget.ToStringBuilder(buffer) : PipeTarget.Merge(PipeTarget.ToStringBuilder(buffer), PipeTarget.ToDelegate(onLine));

    static string Tail(string text)
    {
        var lines = text.TrimEnd().Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - StderrTailLines)));
    }

    static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./=:,@+%".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''") + "'";
}
