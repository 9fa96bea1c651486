using System.Text;

namespace GoMonorepoBuild.Workspace.Rendering;

/// <summary>A Graphviz digraph of services and modules, module cycles as dashed clusters, blocked services red
/// with their problem, not-checked-out services grey with what to add (render with <c>dot -Tsvg</c>).</summary>
internal static class DotRenderer
{
    public static string Render(GoWorkspace model, IReadOnlyList<(string Name, string Path, string Reason)> notCheckedOut)
    {
        var graph = GraphNodes.Of(model, notCheckedOut);
        var text = new StringBuilder("digraph monorepo {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
        foreach (var node in graph.Nodes)
        {
            var mark = node.Blocked is not null ? $"\\nBLOCKED: {node.Blocked}" : node.NotCheckedOut is not null ? $"\\n{node.NotCheckedOut}" : "";
            var label = GraphNodes.Escape($"{node.Label}\\n{node.Detail}{mark}");
            text.Append(node.NotCheckedOut is not null
                ? $"  {node.Id} [label=\"{label}\", shape=box, style=\"rounded,filled,dotted\", fillcolor=\"#f3f4f6\", color=\"#6b7280\"];\n"
                : node.Blocked is not null
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
