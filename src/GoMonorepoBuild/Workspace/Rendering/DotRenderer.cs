using System.Text;

namespace GoMonorepoBuild.Workspace.Rendering;

/// <summary>A Graphviz digraph of services and modules, module cycles as dashed clusters, blocked services red
/// with their problem (render with <c>dot -Tsvg</c>).</summary>
internal static class DotRenderer
{
    public static string Render(GoWorkspace model)
    {
        var graph = GraphNodes.Of(model);
        var text = new StringBuilder("digraph monorepo {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
        foreach (var node in graph.Nodes)
        {
            var label = GraphNodes.Escape($"{node.Label}\\n{node.Detail}" + (node.Blocked is null ? "" : $"\\nBLOCKED: {node.Blocked}"));
            text.Append(node.Blocked is not null
                ? $"  {node.Id} [label=\"{label}\", shape=box, style=\"rounded,filled,dashed\", fillcolor=\"#fee2e2\", color=\"#b91c1c\"];\n"
                : node.IsService
                ? $"  {node.Id} [label=\"{label}\", shape=box, style=\"rounded,filled\", fillcolor=\"#dbeafe\"];\n"
                : $"  {node.Id} [label=\"{label}\", shape=box];\n");
        }
        for (var i = 0; i < graph.Cycles.Count; i++)
            text.Append($"  subgraph cluster_cycle{i} {{ label=\"module cycle\"; style=dashed; {string.Concat(graph.Cycles[i].Select(id => id + "; "))}}}\n");
        foreach (var (from, to) in graph.Edges) text.Append($"  {from} -> {to};\n");
        return text.Append("}\n").ToString();
    }
}
