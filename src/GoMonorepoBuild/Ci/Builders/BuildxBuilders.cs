using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Ci.Builders;

/// <summary>
/// Creates and removes buildx builders with the <c>docker</c> tool given (its DOCKER_HOST and DOCKER_CONFIG decide
/// which engine and which builder list). Creating never bootstraps unless the spec asks: the first build does.
/// </summary>
public sealed class BuildxBuilders(Tool docker)
{
    /// <summary>Creates the builder unless one of that name exists; true when it created one.</summary>
    public async Task<bool> EnsureAsync(BuilderSpec spec, CancellationToken cancellationToken = default)
    {
        if (await ExistsAsync(spec.Name, cancellationToken)) return false;
        await docker.RunAsync(BuilderCommands.Create(spec), cancellationToken);
        return true;
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default) =>
        (await docker.TryRunAsync(BuilderCommands.Inspect(name), cancellationToken)).ExitCode == 0;

    /// <summary>What <c>docker buildx inspect</c> says of the builder (driver, nodes, status, driver options).</summary>
    public async Task<string> InspectAsync(string name, bool bootstrap = false, CancellationToken cancellationToken = default) =>
        (await docker.RunAsync(BuilderCommands.Inspect(name, bootstrap), cancellationToken)).StandardOutput;

    public Task RemoveAsync(string name, bool keepState = false, CancellationToken cancellationToken = default) =>
        docker.RunAsync(BuilderCommands.Remove(name, keepState), cancellationToken);
}
