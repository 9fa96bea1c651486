using System.Text.Json;

namespace GoMonorepoBuild.Workspace.Rendering;

/// <summary>
/// The model as JSON (camelCase, indented, ordinal order, no absolute paths so the output is the same on every machine).
/// </summary>
internal static class JsonRenderer
{
    public static string Render(GoWorkspace model, IReadOnlyList<(string Name, string Path, string Reason)> notCheckedOut)
    {
        var leftOut = notCheckedOut.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var document = new WorkspaceDocument(
            GoWork: model.Work is null ? null : new WorkDocument(model.Work.File, model.Work.GoVersion, model.Work.Uses.Select(u => u.Path).ToList()),
            Platforms: model.Platforms.Select(p => p.ToString()).ToList(),
            Modules: model.Modules.Select(m => new ModuleDocument(
                m.Path,
                m.Dir,
                m.GoVersion,
                m.GoModFile,
                m.GoSumFile,
                m.InWorkspace,
                m.LocalDependencies,
                model.DependentsOf(m.Path).Select(d => d.Path).Order(StringComparer.Ordinal).ToList())).ToList(),
            Packages: model.Packages.Values.OrderBy(p => p.ImportPath, StringComparer.Ordinal).ToList(),
            Services: model.Services,
            BlockedServices: model.BlockedServices.Where(b => !leftOut.Contains(b.Name))
                .Select(b => new BlockedServiceDocument(b.Name, b.Path, b.ModuleDir, b.Problem, b.Problems.Select(p => p.LocatedReason).ToList()))
                .ToList(),
            NotCheckedOut: notCheckedOut.OrderBy(n => n.Path, StringComparer.Ordinal)
                .Select(n => new NotCheckedOutDocument(n.Name, n.Path, n.Reason)).ToList(),
            Warnings: model.Warnings);
        return JsonSerializer.Serialize(document, WorkspaceJsonContext.Default.WorkspaceDocument) + "\n";
    }
}
