namespace GoMonorepoBuild.Workspace.Services;

/// <summary>
/// The one wording of "these selected services cannot be analysed" that fails a target (Graph, Affected), so each
/// names every blocked service with its first problem and says the same two ways out.
/// </summary>
public static class BlockedServicesError
{
    /// <param name="blocked">Each service's name, folder and first problem ("file:line:column: reason").</param>
    /// <param name="which">Which services these are, e.g. "selected service(s)".</param>
    /// <param name="meanwhile">What the target did for the others, e.g. "the other services were analysed".</param>
    public static WorkspaceException For(IReadOnlyCollection<(string Name, string Path, string Problem)> blocked, string which, string meanwhile) =>
        new($"{blocked.Count} {which} cannot be analysed: " +
            string.Join("; ", blocked.Select(b => $"{b.Name} ({b.Path}) is blocked: {b.Problem}")) +
            $". Fix the problem(s), or leave the service(s) out of --services / --only; {meanwhile}.");
}
