using System.Collections.Concurrent;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Workspace;

/// <summary>
/// Problems found while loading, kept with the module or package folder they sit in, so that once the graph is known
/// each can name the services it blocks. Loading goes on past a problem to find those services.
/// </summary>
internal sealed class LoadProblems
{
    private readonly ConcurrentBag<Problem> _problems = [];
    private readonly ConcurrentBag<string> _warnings = [];

    /// <summary>A problem and where it sits; <c>Services</c>, when set, are the services it blocks, known already (a name clash) rather than found through the graph.</summary>
    public sealed record Problem(WorkspaceException Error, string? ModuleDir, string? PackageDir, IReadOnlyList<ServiceRef>? Services = null);

    public void Add(WorkspaceException error, string? moduleDir = null, string? packageDir = null) =>
        _problems.Add(new Problem(error, moduleDir, packageDir));

    public void Add(WorkspaceException error, IReadOnlyList<ServiceRef> services) => _problems.Add(new Problem(error, null, null, services));

    public void Warn(string warning) => _warnings.Add(warning);

    public bool Any => !_problems.IsEmpty;

    public IReadOnlyList<Problem> All => _problems
        .OrderBy(p => p.Error.File ?? "", StringComparer.Ordinal).ThenBy(p => p.Error.Line).ThenBy(p => p.Error.Column)
        .ThenBy(p => p.Error.Reason, StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> Warnings => _warnings.Distinct().Order(StringComparer.Ordinal).ToList();
}
