using System.Text;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Workspace.Rendering;

/// <summary>
/// One block per service: its main packages, the monorepo modules it depends on (as a tree; a module met again is
/// marked "(above)"), its local packages and the standard-library packages it uses. Then each blocked service with the
/// problems that block it; in a sparse checkout, the services it left inputs of out, each with what to add (given by the
/// caller: this stage knows no git).
/// </summary>
internal static class TreeTextRenderer
{
    public static string Render(GoWorkspace model, IReadOnlyList<(string Name, string Path, string Reason)> notCheckedOut)
    {
        var text = new StringBuilder();
        if (model.Services.Count == 0 && model.BlockedServices.Count == 0) text.Append("no services (check the --services patterns)\n");
        foreach (var service in model.Services)
        {
            var binary = service.Path == service.ModuleDir ? "" : $" binary of {service.ModuleDir},";
            text.Append($"{service.Name} ({service.Path}){binary} module {service.Module}, go {service.GoVersion ?? "?"}, {service.ImageInputs.Count} image inputs\n");
            var sections = new List<(string Title, Action<string> Write)>
            {
                (service.IsBuildable ? "main: " + string.Join(", ", service.MainPackages) : "library: no main package (analysed, not built)", _ => { }),
                ($"modules ({service.Modules.Count - 1})", indent => WriteModules(text, model, service.Module, indent, [service.Module])),
                ($"packages ({service.Packages.Count})", indent => WriteLeaves(text, service.Packages, indent)),
                (service.StdImports.Count == 0 ? "std: none" : $"std ({service.StdImports.Count}): {string.Join(", ", service.StdImports)}", _ => { }),
            };
            if (service.ExternalImports.Count > 0)
                sections.Add(($"external ({service.ExternalImports.Count}): {string.Join(", ", service.ExternalImports)}", _ => { }));
            if (service.ExtraInputs.Globs.Count > 0)
                sections.Add(($"extra inputs ({service.ExtraInputs.Files.Count} files): " +
                              string.Join(", ", service.ExtraInputs.Globs.Select(g => $"{g.Text} ({service.ExtraInputs.Files.Count(f => f.Glob == g)})")), _ => { }));
            for (var i = 0; i < sections.Count; i++)
            {
                var last = i == sections.Count - 1;
                text.Append(last ? "└── " : "├── ").Append(sections[i].Title).Append('\n');
                sections[i].Write(last ? "    " : "│   ");
            }
        }
        foreach (var blocked in model.BlockedServices)
        {
            var binary = blocked.Path == blocked.ModuleDir ? "" : $" binary of {blocked.ModuleDir},";
            if (notCheckedOut.FirstOrDefault(n => n.Name == blocked.Name) is { Reason: { } reason })
            {
                text.Append($"{blocked.Name} ({blocked.Path}){binary} {reason}\n");
                continue;
            }
            text.Append($"{blocked.Name} ({blocked.Path}){binary} BLOCKED: not analysed or built until fixed\n");
            WriteLeaves(text, blocked.Problems.Select(p => p.LocatedReason).ToList(), "");
        }
        // Services the folder holds whole (their left-out inputs are files, e.g. embedded ones) are marked one a line;
        // those wholly outside the checkout in one line, however many there are.
        foreach (var (name, path, reason) in notCheckedOut.Where(n => model.Service(n.Name) is not null))
            text.Append($"{name} ({path}) {reason}\n");
        var outside = notCheckedOut.Where(n => model.Service(n.Name) is null && model.Blocked(n.Name) is null).Select(n => n.Name).ToList();
        if (outside.Count > 0)
            text.Append($"not checked out (wholly outside the sparse checkout): {string.Join(", ", outside)}\n");
        return text.ToString();
    }

    private static void WriteModules(StringBuilder text, GoWorkspace model, string modulePath, string indent, HashSet<string> path)
    {
        var dependencies = model.ModuleByPath(modulePath)?.LocalDependencies ?? [];
        for (var i = 0; i < dependencies.Count; i++)
        {
            var last = i == dependencies.Count - 1;
            var dependency = model.ModuleByPath(dependencies[i]);
            var seen = !path.Add(dependencies[i]);
            text.Append(indent).Append(last ? "└── " : "├── ").Append($"{dependency?.Dir} ({dependencies[i]}){(seen ? " (above)" : "")}\n");
            if (!seen) WriteModules(text, model, dependencies[i], indent + (last ? "    " : "│   "), path);
        }
    }

    private static void WriteLeaves(StringBuilder text, IReadOnlyList<string> items, string indent)
    {
        for (var i = 0; i < items.Count; i++)
            text.Append(indent).Append(i == items.Count - 1 ? "└── " : "├── ").Append(items[i]).Append('\n');
    }
}
