namespace GoMonorepoBuild.Targets;

/// <summary>Everything a build run reads from the outside world, so tests can give their own.</summary>
internal sealed record BuildInvocation(
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    TextWriter Out,
    TextWriter Error,
    CancellationToken CancellationToken)
{
    /// <summary>No colours or box drawing: output goes to a file or pipe, or CI is set (<see cref="CiVariable"/>).</summary>
    public bool Plain { get; init; } = true;

    public static BuildInvocation FromProcess(CancellationToken cancellationToken)
    {
        var environment = ProcessEnvironment.Snapshot();
        return new BuildInvocation(
            System.Environment.GetCommandLineArgs().Skip(1).ToList(), environment, Directory.GetCurrentDirectory(),
            Console.Out, Console.Error, cancellationToken)
        {
            Plain = Console.IsOutputRedirected || CiVariable.IsSet(environment.GetValueOrDefault(CiVariable.Name)),
        };
    }

    public BuildInvocation WithArguments(params string[] arguments) => this with { Arguments = arguments };

    public BuildInvocation WithEnvironment(IReadOnlyDictionary<string, string> environment) => this with { Environment = environment };

    public BuildInvocation WithWorkingDirectory(string directory) => this with { WorkingDirectory = directory };
}
