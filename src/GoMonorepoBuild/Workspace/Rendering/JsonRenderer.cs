using System.Text.Json;

namespace GoMonorepoBuild.Workspace.Rendering;

/// <summary>
/// The model as JSON (camelCase, indented, ordinal order, no absolute paths so the output is the same on every machine).
/// </summary>
internal static class JsonRenderer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
    };

    public static string Render(GoWorkspace model, IReadOnlyList<(string Name, string Path, string Reason)> notCheckedOut)
    {
        var leftOut = notCheckedOut.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var document = new
        {
            goWork = model.Work is null ? null : new
            {
                file = model.Work.File,
                goVersion = model.Work.GoVersion,
                uses = model.Work.Uses.Select(u => u.Path).ToList(),
            },
            platforms = model.Platforms.Select(p => p.ToString()).ToList(),
            modules = model.Modules.Select(m => new
            {
                path = m.Path,
                dir = m.Dir,
                goVersion = m.GoVersion,
                goMod = m.GoModFile,
                goSum = m.GoSumFile,
                inWorkspace = m.InWorkspace,
                localDependencies = m.LocalDependencies,
                dependents = model.DependentsOf(m.Path).Select(d => d.Path).Order(StringComparer.Ordinal).ToList(),
            }).ToList(),
            packages = model.Packages.Values.OrderBy(p => p.ImportPath, StringComparer.Ordinal).ToList(),
            services = model.Services,
            blockedServices = model.BlockedServices.Where(b => !leftOut.Contains(b.Name)).Select(b => new
            {
                name = b.Name,
                path = b.Path,
                moduleDir = b.ModuleDir,
                problem = b.Problem,
                problems = b.Problems.Select(p => p.LocatedReason).ToList(),
            }).ToList(),
            notCheckedOut = notCheckedOut.OrderBy(n => n.Path, StringComparer.Ordinal).Select(n => new { name = n.Name, path = n.Path, reason = n.Reason }).ToList(),
            warnings = model.Warnings,
        };
        return JsonSerializer.Serialize(document, Options) + "\n";
    }
}
