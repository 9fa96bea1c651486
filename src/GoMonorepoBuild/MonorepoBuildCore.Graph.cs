using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Workspace.Rendering;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild;

public abstract partial class MonorepoBuildCore
{
    /// <summary><c>.nuke/temp/graph</c>: the Mermaid, DOT and JSON pictures of the workspace model.</summary>
    public string GraphDirectory => Path.Combine(TemporaryDirectory, "graph");

    /// <summary>What <see cref="IGraph.Graph"/> does: prints the workspace model and writes its pictures.</summary>
    protected internal async Task WriteGraphAsync(CancellationToken ct)
    {
        // A sparse checkout's folder lacks the libraries (or whole services) it left out: those are marked as not
        // checked out, with what to add, rather than blocked, and do not fail the run.
        var leftOut = await NotCheckedOutServicesAsync(ct);
        var model = Workspace;
        var notCheckedOut = leftOut.Select(n => (n.Name, n.Path, n.Reason)).ToList();
        Console.Write(WorkspaceRendering.TreeText(model, notCheckedOut));
        if (OwnDockerfilesText() is { Length: > 0 } own) Console.Write("\nOwn Dockerfiles:\n" + own);
        Directory.CreateDirectory(GraphDirectory);
        var files = new Dictionary<string, string>
        {
            ["workspace.mmd"] = WorkspaceRendering.Mermaid(model, notCheckedOut),
            ["workspace.dot"] = WorkspaceRendering.Dot(model, notCheckedOut),
            ["workspace.json"] = WorkspaceRendering.Json(model, notCheckedOut),
        };
        foreach (var (name, text) in files)
            File.WriteAllText(Path.Combine(GraphDirectory, name), text);
        Log.Information($"Wrote {string.Join(", ", files.Keys.Select(f => Path.GetRelativePath(RootDirectory, Path.Combine(GraphDirectory, f))))}");
        // The graph of the healthy services is written, but a selected service that cannot be analysed fails the run
        // (issue 15: non-zero when a selected service is blocked), as Affected and BuildChanged do.
        var blocked = SelectedBlockedServices().Where(b => leftOut.All(n => n.Name != b.Name)).ToList();
        if (blocked.Count > 0)
            throw BlockedServicesError.For(blocked.Select(b => (b.Name, b.Path, b.Problem)).ToList(),
                "selected service(s)", "the graph of the others was written");
    }
}
