using System.Text;

namespace GoMonorepoBuild.Workspace.Rendering;

/// <summary>
/// A Mermaid flowchart: services as rounded nodes, library modules as boxes, arrows to local dependencies (a binary
/// service points to its module), modules that require each other grouped as a "module cycle".
/// </summary>
internal static class MermaidRenderer
{
    public static string Render(GoWorkspace model)
    {
        var graph = GraphNodes.Of(model);
        var text = new StringBuilder("flowchart LR\n");
        foreach (var node in graph.Nodes)
        {
            var label = GraphNodes.Escape($"{node.Label}<br/><small>{node.Detail}</small>");
            text.Append(node.IsService ? $"  {node.Id}([\"{label}\"]):::service\n" : $"  {node.Id}[\"{label}\"]\n");
        }
        for (var i = 0; i < graph.Cycles.Count; i++)
            text.Append($"  subgraph cycle{i}[\"module cycle\"]\n").Append(string.Concat(graph.Cycles[i].Select(id => $"    {id}\n"))).Append("  end\n");
        foreach (var (from, to) in graph.Edges) text.Append($"  {from} --> {to}\n");
        text.Append("  classDef service fill:#dbeafe,stroke:#1d4ed8\n");
        return text.ToString();
    }
}
