namespace GoMonorepoBuild.Workspace.Rendering;

/// <summary>
/// The nodes and edges the Mermaid and DOT pictures share. Modules are nodes, with an edge per local dependency. A
/// module that is exactly one service at its folder is drawn as that service (as before); the services of a module with
/// several binaries (or a matched main-package folder) are nodes of their own with an edge to their module. Modules that
/// require each other form <see cref="Cycles"/> (strongly connected components), which the pictures group. Blocked
/// services are drawn like the others, marked with the problem that blocks them; a service a sparse checkout left
/// inputs of out looks blocked on disk, and is drawn as not checked out instead, with the reason Affected gives.
/// </summary>
internal sealed record GraphNodes(IReadOnlyList<GraphNodes.Node> Nodes, IReadOnlyList<(string From, string To)> Edges,
    IReadOnlyList<IReadOnlyList<string>> Cycles)
{
    /// <summary>
    /// A node; <paramref name="Blocked"/> is the problem that blocks the service it draws, <paramref name="NotCheckedOut"/>
    /// why the checkout cannot build it (both null when healthy or a module).
    /// </summary>
    public sealed record Node(string Id, string Label, string Detail, bool IsService, string? Blocked = null, string? NotCheckedOut = null);

    private sealed record Drawn(string Name, string Path, string ModuleDir, string? Blocked, string? NotCheckedOut = null);

    public static GraphNodes Of(GoWorkspace model, IReadOnlyList<(string Name, string Path, string Reason)> notCheckedOut)
    {
        var leftOut = notCheckedOut.ToDictionary(n => n.Name, n => n.Reason, StringComparer.Ordinal);
        // Blocked services are drawn where they would be, marked with their problem.
        var all = model.Services.Select(s => new Drawn(s.Name, s.Path, s.ModuleDir, null, leftOut.GetValueOrDefault(s.Name)))
            .Concat(model.BlockedServices.Select(b => leftOut.TryGetValue(b.Name, out var reason)
                ? new Drawn(b.Name, b.Path, b.ModuleDir, null, reason)
                : new Drawn(b.Name, b.Path, b.ModuleDir, b.Problem)))
            .OrderBy(d => d.Path, StringComparer.Ordinal).ToList();
        var byModule = all.ToLookup(s => s.ModuleDir, StringComparer.Ordinal);
        // Keyed by folder: a module that repeats another's path is blocked but still drawn, and a path names the first.
        var ids = model.Modules.Select((m, i) => (m, i)).ToDictionary(x => x.m.Dir, x => $"m{x.i}", StringComparer.Ordinal);
        string? IdOfPath(string path) => model.ModuleByPath(path) is { } m ? ids[m.Dir] : null;
        var nodes = new List<Node>();
        var edges = new List<(string, string)>();
        var drawnAsModule = new HashSet<Drawn>();
        foreach (var module in model.Modules)
        {
            var services = byModule[module.Dir].ToList();
            if (services is [{ } only] && only.Path == module.Dir)
            {
                nodes.Add(new Node(ids[module.Dir], only.Name, module.Dir, true, only.Blocked, only.NotCheckedOut));
                drawnAsModule.Add(only);
                continue;
            }
            nodes.Add(new Node(ids[module.Dir], module.Dir, module.Path, false));
        }
        var binaries = all.Where(s => !drawnAsModule.Contains(s)).ToList();
        for (var i = 0; i < binaries.Count; i++)
        {
            nodes.Add(new Node($"s{i}", binaries[i].Name, binaries[i].Path, true, binaries[i].Blocked, binaries[i].NotCheckedOut));
            if (ids.TryGetValue(binaries[i].ModuleDir, out var moduleId)) edges.Add(($"s{i}", moduleId));
        }
        edges.AddRange(model.Modules.SelectMany(m => m.LocalDependencies.Select(IdOfPath).OfType<string>().Select(d => (ids[m.Dir], d))));
        var cycles = ModuleCycles(model).Select(c => (IReadOnlyList<string>)c.Select(p => IdOfPath(p)!).ToList()).ToList();
        return new GraphNodes(nodes, edges, cycles);
    }

    public static string Escape(string s) => s.Replace("\"", "'");

    /// <summary>Groups of two or more modules that reach each other through local dependencies (Tarjan's algorithm), in module order.</summary>
    private static List<List<string>> ModuleCycles(GoWorkspace model)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (module, i) in model.Modules.Select((m, i) => (m, i))) order.TryAdd(module.Path, i);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<List<string>>();
        IEnumerable<string> Next(string m) => (model.ModuleByPath(m)?.LocalDependencies ?? []).Where(order.ContainsKey);

        foreach (var start in order.Keys)
        {
            if (index.ContainsKey(start)) continue;
            // Iterative, so a long chain of modules cannot exhaust the stack.
            var work = new Stack<(string Module, IEnumerator<string> Next)>();
            void Enter(string m)
            {
                index[m] = low[m] = index.Count;
                stack.Push(m);
                onStack.Add(m);
                work.Push((m, Next(m).GetEnumerator()));
            }
            Enter(start);
            while (work.TryPeek(out var top))
            {
                if (top.Next.MoveNext())
                {
                    var next = top.Next.Current;
                    if (!index.ContainsKey(next)) Enter(next);
                    else if (onStack.Contains(next)) low[top.Module] = Math.Min(low[top.Module], index[next]);
                    continue;
                }
                work.Pop();
                if (work.TryPeek(out var parent)) low[parent.Module] = Math.Min(low[parent.Module], low[top.Module]);
                if (low[top.Module] != index[top.Module]) continue;
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                } while (member != top.Module);
                if (component.Count > 1) result.Add(component.OrderBy(m => order[m]).ToList());
            }
        }
        return result.OrderBy(c => order[c[0]]).ToList();
    }
}
