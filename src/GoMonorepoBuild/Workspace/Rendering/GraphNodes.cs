namespace GoMonorepoBuild.Workspace.Rendering;

/// <summary>The nodes and edges the Mermaid and DOT pictures share: modules (services marked) and local dependencies.</summary>
internal sealed record GraphNodes(IReadOnlyList<GraphNodes.Node> Nodes, IReadOnlyList<(string From, string To)> Edges)
{
    public sealed record Node(string Id, string Label, string Detail, bool IsService);

    public static GraphNodes Of(GoWorkspace model)
    {
        var services = model.Services.ToDictionary(s => s.Path, StringComparer.Ordinal);
        var ids = model.Modules.Select((m, i) => (m, i)).ToDictionary(x => x.m.Path, x => $"m{x.i}", StringComparer.Ordinal);
        var nodes = model.Modules.Select(m => services.TryGetValue(m.Dir, out var s)
            ? new Node(ids[m.Path], s.Name, m.Dir, true)
            : new Node(ids[m.Path], m.Dir, m.Path, false)).ToList();
        var edges = model.Modules.SelectMany(m => m.LocalDependencies.Where(ids.ContainsKey).Select(d => (ids[m.Path], ids[d]))).ToList();
        return new GraphNodes(nodes, edges);
    }

    public static string Escape(string s) => s.Replace("\"", "'");
}
