using System.Text;

namespace GoMonorepoBuild.Workspace.Rendering;

/// <summary>
/// A Mermaid flowchart: services as rounded nodes, library modules as boxes, arrows to local dependencies (a binary
/// service points to its module), modules that require each other grouped as a "module cycle", blocked services red
/// with their problem.
/// </summary>
internal static class MermaidRenderer
{
    public static string Render(GoWorkspace model)
    {
        var graph = GraphNodes.Of(model);
        var text = new StringBuilder("flowchart LR\n");
        foreach (var node in graph.Nodes)
        {
            var blocked = node.Blocked is null ? "" : $"<br/><small>BLOCKED: {node.Blocked}</small>";
            var label = GraphNodes.Escape($"{node.Label}<br/><small>{node.Detail}</small>{blocked}");
            text.Append(node.IsService ? $"  {node.Id}([\"{label}\"]):::{(node.Blocked is null ? "service" : "blocked")}\n" : $"  {node.Id}[\"{label}\"]\n");
        }
        for (var i = 0; i < graph.Cycles.Count; i++)
            text.Append($"  subgraph cycle{i}[\"module cycle\"]\n").Append(string.Concat(graph.Cycles[i].Select(id => $"    {id}\n"))).Append("  end\n");
        foreach (var (from, to) in graph.Edges) text.Append($"  {from} --> {to}\n");
        text.Append("  classDef service fill:#dbeafe,stroke:#1d4ed8\n");
        if (graph.Nodes.Any(n => n.Blocked is not null)) text.Append("  classDef blocked fill:#fee2e2,stroke:#b91c1c,stroke-dasharray:4\n");
        return text.ToString();
    }
}
