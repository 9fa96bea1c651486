namespace GoMonorepoBuild.Workspace;

/// <summary>
/// A problem in the monorepo's Go files that the user has to fix: it names the file (relative to the monorepo root),
/// the line and column when known, and the services the problem keeps from building.
/// </summary>
public class WorkspaceException : Exception
{
    public WorkspaceException(string reason, string? file = null, int line = 0, int column = 0,
        IReadOnlyList<string>? blockedServices = null, Exception? innerException = null)
        : base(Format(reason, file, line, column, blockedServices ?? []), innerException)
    {
        Reason = reason;
        File = file;
        Line = line;
        Column = column;
        BlockedServices = blockedServices ?? [];
    }

    /// <summary>What is wrong, without the location prefix.</summary>
    public string Reason { get; }

    /// <summary>The file at fault, relative to the monorepo root with forward slashes (null when no single file is).</summary>
    public string? File { get; }

    /// <summary>1-based line, 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column, 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>Names of the services that cannot be analysed or built until this is fixed.</summary>
    public IReadOnlyList<string> BlockedServices { get; }

    /// <summary>The problem as "file:line:column: reason", without the services it blocks.</summary>
    public string LocatedReason => Format(Reason, File, Line, Column, []);

    /// <summary>Further problems found in the same load (each with its own location and blocked services).</summary>
    public IReadOnlyList<WorkspaceException> OtherProblems { get; private set; } = [];

    public override string Message => OtherProblems.Count == 0
        ? base.Message
        : base.Message + $"\n{OtherProblems.Count} more problem(s):\n  " + string.Join("\n  ", OtherProblems.Select(p => p.Message));

    /// <summary>The same problem carrying the others found alongside it.</summary>
    public WorkspaceException WithOtherProblems(IReadOnlyList<WorkspaceException> others)
    {
        var copy = WithBlockedServices(BlockedServices);
        copy.OtherProblems = others;
        return copy;
    }

    /// <summary>The same problem, now knowing which services it blocks.</summary>
    public virtual WorkspaceException WithBlockedServices(IReadOnlyList<string> services) =>
        new(Reason, File, Line, Column, services, InnerException);

    private static string Format(string reason, string? file, int line, int column, IReadOnlyList<string> blocked)
    {
        var location = file is null ? "" : line > 0 ? $"{file}:{line}:{column}: " : $"{file}: ";
        var blocks = blocked.Count == 0 ? "" : $" (blocks {(blocked.Count == 1 ? "service" : "services")} {string.Join(", ", blocked)})";
        return location + reason + blocks;
    }
}
