namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>A go.mod or go.work file that does not follow the Go reference's grammar.</summary>
public sealed class GoModParseException(string reason, string file, int line, int column, IReadOnlyList<string>? blockedServices = null)
    : WorkspaceException(reason, file, line, column, blockedServices)
{
    public override WorkspaceException WithBlockedServices(IReadOnlyList<string> services) =>
        new GoModParseException(Reason, File!, Line, Column, services);
}
