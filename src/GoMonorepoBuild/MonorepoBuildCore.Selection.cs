using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild;

public abstract partial class MonorepoBuildCore
{
    /// <summary>The services this run is about: all of them, or those named by <c>--only</c> (unknown names are an error).</summary>
    protected IReadOnlyList<GoService> SelectedServices()
    {
        var all = Workspace.Services;
        if (Only.Length == 0) return all;
        var names = OnlyNames;
        // A service a sparse checkout left out is known (BuildChanged and Graph report it as not checked out).
        var leftOut = notCheckedOut is { IsCompletedSuccessfully: true } sparse ? sparse.Result : [];
        var unknown = names.Where(n => Workspace.Service(n) is null && Workspace.Blocked(n) is null
                                       && !leftOut.Any(l => string.Equals(l.Name, n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            var known = all.Select(s => s.Name).Concat(Workspace.BlockedServices.Select(b => b.Name)).Concat(leftOut.Select(l => l.Name)).Distinct().ToList();
            var hints = unknown.Select(n => Names.Closest(n, known) is { } close ? $"'{n}' (did you mean '{close}'?)" : $"'{n}'");
            throw new UsageException(
                $"--only names {string.Join(", ", hints)}, which {(unknown.Count == 1 ? "is not a service" : "are not services")} of " +
                $"{MonorepoDirectory} (services matched by --services {string.Join(',', ServiceGlobs)}: " +
                $"{(known.Count == 0 ? "none" : string.Join(", ", known))}).");
        }
        return all.Where(s => names.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>
    /// The blocked services this run is about (see <see cref="Workspace.Services.BlockedService"/>): all of them, or those
    /// named by <c>--only</c>. A run that would build one reports it failed with its problem.
    /// </summary>
    protected IReadOnlyList<Workspace.Services.BlockedService> SelectedBlockedServices()
    {
        SelectedServices(); // the same checks of --only
        return OnlyNames.Count == 0 ? Workspace.BlockedServices : Workspace.BlockedServices.Where(b => NamedByOnly(b.Name)).ToList();
    }

    /// <summary>The service names --only gives, trimmed, blanks dropped (empty: no restriction).</summary>
    IReadOnlyList<string> OnlyNames => Only.Select(n => n.Trim()).Where(n => n.Length > 0).ToList();

    /// <summary>Whether --only names <paramref name="service"/> (names compare without case, as everywhere in --only).</summary>
    bool NamedByOnly(string service) => OnlyNames.Contains(service, StringComparer.OrdinalIgnoreCase);
}
