using System.Text;

namespace GoMonorepoBuild.Workspace.Rendering;

/// <summary>
/// A Mermaid flowchart: services as rounded nodes, library modules as boxes, arrows to local dependencies (a binary
/// service points to its module), modules that require each other grouped as a "module cycle", blocked services red
/// with their problem, services a sparse checkout left inputs of out grey with what to add.
/// </summary>
internal static class MermaidRenderer
{
    public static string Render(GoWorkspace model, IReadOnlyList<(string Name, string Path, string Reason)> notCheckedOut)
    {
        var graph = GraphNodes.Of(model, notCheckedOut);
        var text = new StringBuilder("flowchart LR\n");
        foreach (var node in graph.Nodes)
        {
            var mark = node.Blocked is not null ? $"<br/><small>BLOCKED: {node.Blocked}</small>"
                : node.NotCheckedOut is not null ? $"<br/><small>{node.NotCheckedOut}</small>" : "";
            var label = GraphNodes.Escape($"{node.Label}<br/><small>{node.Detail}</small>{mark}");
            var style = node.Blocked is not null ? "blocked" : node.NotCheckedOut is not null ? "notCheckedOut" : "service";
            text.Append(node.IsService ? $"  {node.Id}([\"{label}\"]):::{style}\n" : $"  {node.Id}[\"{label}\"]\n");
        }
        for (var i = 0; i < graph.Cycles.Count; i++)
            text.Append($"  subgraph cycle{i}[\"module cycle\"]\n").Append(string.Concat(graph.Cycles[i].Select(id => $"    {id}\n"))).Append("  end\n");
        foreach (var (from, to) in graph.Edges) text.Append($"  {from} --> {to}\n");
        text.Append("  classDef service fill:#dbeafe,stroke:#1d4ed8\n");
        if (graph.Nodes.Any(n => n.Blocked is not null)) text.Append("  classDef blocked fill:#fee2e2,stroke:#b91c1c,stroke-dasharray:4\n");
        if (graph.Nodes.Any(n => n.NotCheckedOut is not null)) text.Append("  classDef notCheckedOut fill:#f3f4f6,stroke:#6b7280,stroke-dasharray:2\n");
        return text.ToString();
    }
}
