using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// Base class of every build: <c>class Build : BuildBase { static int Main() => Execute&lt;Build&gt;(x => x.Compile); }</c>.
/// Knows targets and parameters only; nothing about Go or Docker.
/// </summary>
// Targets, parameters and components are found by reflection over the build's type (GetType()): the annotation keeps
// every member of every class deriving from this one when the build is trimmed or compiled ahead of time (Native AOT).
[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)]
public abstract class BuildBase : IBuild
{
    /// <summary>The folder that holds <c>.nuke/</c> (or <c>--root</c>; else the working folder).</summary>
    public string RootDirectory { get; internal set; } = Directory.GetCurrentDirectory();

    /// <summary><c>.nuke/temp</c>: ignored by git, holds logs, reports and generated files.</summary>
    public string TemporaryDirectory => Path.Combine(RootDirectory, ".nuke", "temp");

    /// <summary>
    /// This run's context: its environment, whether it is CI, its output, and its cancellation (Ctrl-C, SIGTERM), the same
    /// token every target's action receives, for work a build does on first use outside any one target's action (a lazily
    /// loaded model), so that work stops when the run is cancelled too. A build object not started by a run sees the process's own.
    /// </summary>
    public RunContext Run => run ??= RunContext.OfProcess();

    RunContext? run;

    /// <summary>The run's cancellation: <see cref="Run"/>'s.</summary>
    [Obsolete("Use Run.Cancellation.")]
    protected CancellationToken RunCancellation => Run.Cancellation;

    internal void StartRun(RunContext context) => run = context;

    /// <summary>
    /// Called once per run when the plan is known and the run lock is held, before the first target runs, with the names
    /// of the targets that will run (skipped ones left out), in order. A build may start here, in the background, work a
    /// later target needs that does not depend on the earlier ones, so it overlaps them; whatever it starts must keep the
    /// run's log and errors in their order (write nothing until the target that needs it runs). It must not throw.
    /// </summary>
    protected virtual void OnPlanned(IReadOnlyList<string> targets)
    {
    }

    internal void Planned(IReadOnlyList<string> targets) => OnPlanned(targets);

    /// <summary>The values bound to components' parameters, by member name: an interface property has nowhere else to keep one.</summary>
    readonly Dictionary<string, object?> componentParameters = new(StringComparer.Ordinal);

    T? IBuild.ParameterValue<T>(string member) where T : default =>
        componentParameters.TryGetValue(member, out var value) && value is T typed ? typed : default;

    internal void SetComponentParameter(string member, object? value) => componentParameters[member] = value;

    readonly Dictionary<string, string> parameterSources = new(StringComparer.Ordinal);

    /// <summary>
    /// Where this run's value of the parameter <paramref name="name"/> came from ("the command line", "environment variable
    /// X", or the parameters file's path relative to <see cref="RootDirectory"/>), or null when no source set it, so an
    /// error about a value can say where to change it.
    /// </summary>
    protected string? ParameterSource(string name) => parameterSources.GetValueOrDefault(name);

    internal void SetParameterSource(string name, string source) => parameterSources[name] = source;

    /// <summary>Runs the build: parses the command line, plans and executes; returns the process exit code.</summary>
    protected static int Execute<T>(params Expression<Func<T, Target>>[] defaultTargets)
        where T : BuildBase, new()
    {
        using var signals = CancellationSignals.Install();
        return signals.Ended(BuildRunner.RunAsync(new T(), DefaultTargetNames(defaultTargets), BuildInvocation.FromProcess(signals.Token))
            .GetAwaiter().GetResult());
    }

    internal static IReadOnlyList<string> DefaultTargetNames<T>(IEnumerable<Expression<Func<T, Target>>> defaultTargets) =>
        defaultTargets.Select(expression => expression.Body is MemberExpression member
            ? member.Member.Name
            : throw new UsageException($"A default target must be a target property, like 'x => x.Compile', not '{expression}'.")).ToList();
}
