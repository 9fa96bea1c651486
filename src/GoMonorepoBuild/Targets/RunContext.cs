namespace GoMonorepoBuild.Targets;

/// <summary>
/// What one run is given from outside, built once from its invocation and handed to whatever needs it: the environment
/// variables (for CI detection, the base's CI variables, the branch), whether it is a CI run (<see cref="CiVariable"/>, the
/// one rule), where output goes and whether it is plain, and the run's cancellation (Ctrl-C, SIGTERM).
/// </summary>
public sealed record RunContext(IReadOnlyDictionary<string, string?> Environment, TextWriter Out, CancellationToken Cancellation)
{
    /// <summary>No colours or box drawing: output goes to a file or pipe, or this is a CI run.</summary>
    public bool Plain { get; init; } = true;

    /// <summary>Whether this is a CI run: the <c>CI</c> variable is set and not <c>false</c> or <c>0</c>.</summary>
    public bool IsCi => CiVariable.IsSet(Variable(CiVariable.Name));

    /// <summary>A variable of the run's environment, or null when it is not set.</summary>
    public string? Variable(string name) => Environment.TryGetValue(name, out var value) ? value : null;

    /// <summary>The context of a build not started by a run (a build object used directly): the process's own.</summary>
    public static RunContext OfProcess(CancellationToken cancellationToken = default) =>
        new(ProcessEnvironment.Snapshot().ToDictionary(e => e.Key, string? (e) => e.Value, StringComparer.Ordinal), Console.Out, cancellationToken)
        {
            Plain = Console.IsOutputRedirected || CiVariable.IsSet(ProcessEnvironment.Variable(CiVariable.Name)),
        };

    internal static RunContext From(BuildInvocation invocation) =>
        new(invocation.Environment.ToDictionary(e => e.Key, string? (e) => e.Value, StringComparer.Ordinal), invocation.Out, invocation.CancellationToken)
        {
            Plain = invocation.Plain,
        };
}
