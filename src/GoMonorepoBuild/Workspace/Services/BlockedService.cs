namespace GoMonorepoBuild.Workspace.Services;

/// <summary>
/// A service the --services globs select that cannot be analysed or built until its problems are fixed: its module's
/// go.mod does not parse, its closure reaches a broken module, a replace that resolves nowhere, a package that does not
/// parse, an import cycle, or its name clashes with another's. The other services are analysed and built as usual.
/// </summary>
/// <param name="Name">The service's name (as it would be if it were healthy).</param>
/// <param name="Path">The service's folder, relative to the monorepo root.</param>
/// <param name="ModuleDir">Its module's folder.</param>
/// <param name="Problems">What blocks it, each naming file:line and what to do (never empty).</param>
public sealed record BlockedService(string Name, string Path, string ModuleDir, IReadOnlyList<WorkspaceException> Problems)
{
    /// <summary>
    /// The module folders its module reaches through requires and replaces (itself included, broken modules too): a change
    /// under any of them may affect it, which is all that can be said while its package closure is unknown.
    /// </summary>
    public IReadOnlyList<string> ModuleDirs { get; init; } = [];

    /// <summary>The first problem as "file:line:column: reason", with how many more there are.</summary>
    public string Problem => Problems[0].LocatedReason + (Problems.Count > 1 ? $" (and {Problems.Count - 1} more problem(s))" : "");
}
