namespace GoMonorepoBuild.Workspace.Rendering;

/// <summary>The pictures of the model the Graph target prints and writes; each is a pure, deterministic function.</summary>
public static class WorkspaceRendering
{
    /// <summary>Services and what they depend on, as a console tree.</summary>
    public static string TreeText(GoWorkspace model) => TreeTextRenderer.Render(model, []);

    /// <summary>
    /// The console tree, with services the working folder lacks inputs of (a sparse checkout left them out) marked as not
    /// checked out with <paramref name="notCheckedOut"/>'s reason instead of blocked, and those it lacks altogether listed.
    /// </summary>
    public static string TreeText(GoWorkspace model, IReadOnlyList<(string Name, string Path, string Reason)> notCheckedOut) =>
        TreeTextRenderer.Render(model, notCheckedOut);

    /// <summary>A Mermaid flowchart of services and the modules they depend on (open in any Markdown viewer).</summary>
    public static string Mermaid(GoWorkspace model) => MermaidRenderer.Render(model, []);

    /// <summary>The Mermaid flowchart, with the services a sparse checkout left inputs of out marked as not checked out (grey), not blocked.</summary>
    public static string Mermaid(GoWorkspace model, IReadOnlyList<(string Name, string Path, string Reason)> notCheckedOut) =>
        MermaidRenderer.Render(model, notCheckedOut);

    /// <summary>The same graph in Graphviz DOT.</summary>
    public static string Dot(GoWorkspace model) => DotRenderer.Render(model, []);

    /// <summary>The DOT graph, with not-checked-out services marked as in <see cref="Mermaid(GoWorkspace, IReadOnlyList{ValueTuple{string, string, string}})"/>.</summary>
    public static string Dot(GoWorkspace model, IReadOnlyList<(string Name, string Path, string Reason)> notCheckedOut) =>
        DotRenderer.Render(model, notCheckedOut);

    /// <summary>The whole model as camelCase JSON for tools.</summary>
    public static string Json(GoWorkspace model) => JsonRenderer.Render(model, []);

    /// <summary>
    /// The JSON, with not-checked-out services under <c>notCheckedOut</c> (name, path, reason: the wording Affected and
    /// BuildChanged use) instead of <c>blockedServices</c>.
    /// </summary>
    public static string Json(GoWorkspace model, IReadOnlyList<(string Name, string Path, string Reason)> notCheckedOut) =>
        JsonRenderer.Render(model, notCheckedOut);
}
