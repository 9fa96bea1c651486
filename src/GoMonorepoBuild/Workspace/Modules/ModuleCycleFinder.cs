namespace GoMonorepoBuild.Workspace.Modules;

/// <summary>
/// Modules that require each other in a circle. Go allows this (MVS picks one version per path; large repositories
/// do it on purpose), so the model keeps them: each cycle is a strongly connected component of the module graph, and a
/// change anywhere in one reaches everything depending on any member. Only package import cycles are errors.
/// </summary>
internal static class ModuleCycleFinder
{
    /// <summary>The strongly connected components of more than one module, each as module paths sorted, sorted by their first.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Find(IReadOnlyList<GoModule> modules)
    {
        var byPath = modules.GroupBy(m => m.Path).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<IReadOnlyList<string>>();

        // Tarjan's algorithm with an explicit stack of (module, next dependency), so deep chains cannot overflow.
        foreach (var start in byPath.Keys.Order(StringComparer.Ordinal))
        {
            if (index.ContainsKey(start)) continue;
            var work = new Stack<(string Path, int Next)>();
            Open(start);
            work.Push((start, 0));
            while (work.TryPop(out var frame))
            {
                var dependencies = byPath[frame.Path].LocalDependencies;
                if (frame.Next < dependencies.Count)
                {
                    work.Push((frame.Path, frame.Next + 1));
                    var next = dependencies[frame.Next];
                    if (!byPath.ContainsKey(next)) continue;
                    if (!index.ContainsKey(next))
                    {
                        Open(next);
                        work.Push((next, 0));
                    }
                    else if (onStack.Contains(next)) low[frame.Path] = Math.Min(low[frame.Path], index[next]);
                    continue;
                }
                if (work.TryPeek(out var parent)) low[parent.Path] = Math.Min(low[parent.Path], low[frame.Path]);
                if (low[frame.Path] != index[frame.Path]) continue;
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                } while (member != frame.Path);
                if (component.Count > 1) components.Add(component.Order(StringComparer.Ordinal).ToList());
            }
        }
        return components.OrderBy(c => c[0], StringComparer.Ordinal).ToList();

        void Open(string path)
        {
            index[path] = low[path] = index.Count;
            stack.Push(path);
            onStack.Add(path);
        }
    }
}
