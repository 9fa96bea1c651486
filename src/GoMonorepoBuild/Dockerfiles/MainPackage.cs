using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Dockerfiles;

/// <summary>Which of a service's main packages its image is built from.</summary>
public static class MainPackage
{
    /// <summary>
    /// The only one, else the one named like the service (<c>cmd/&lt;service&gt;</c>), else the first in path order,
    /// said in the log.
    /// </summary>
    public static string Of(GoService service)
    {
        if (service.MainPackages.Count == 1) return service.MainPackages[0];
        var named = service.MainPackages.FirstOrDefault(p => p.EndsWith("/cmd/" + service.Name, StringComparison.Ordinal));
        var chosen = named ?? service.MainPackages[0];
        Log.Warning($"{service.Name} has {service.MainPackages.Count} main packages ({string.Join(", ", service.MainPackages)}); building {chosen}.");
        return chosen;
    }
}
