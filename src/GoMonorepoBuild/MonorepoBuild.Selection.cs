using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild;

public abstract partial class MonorepoBuild
{
    /// <summary>The services this run is about: all of them, or those named by <c>--only</c> (unknown names are an error).</summary>
    protected IReadOnlyList<GoService> SelectedServices()
    {
        var all = Workspace.Services;
        if (Only.Length == 0) return all;
        var names = Only.Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
        var unknown = names.Where(n => Workspace.Service(n) is null).ToList();
        if (unknown.Count > 0)
        {
            var known = all.Select(s => s.Name).ToList();
            var hints = unknown.Select(n => Names.Closest(n, known) is { } close ? $"'{n}' (did you mean '{close}'?)" : $"'{n}'");
            throw new UsageException(
                $"--only names {string.Join(", ", hints)}, which {(unknown.Count == 1 ? "is not a service" : "are not services")} of " +
                $"{MonorepoDirectory} (services matched by --services {string.Join(',', ServiceGlobs)}: " +
                $"{(known.Count == 0 ? "none" : string.Join(", ", known))}).");
        }
        return all.Where(s => names.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();
    }
}
