namespace GoMonorepoBuild.Workspace.Packages;

/// <summary>Finds import cycles among local packages (non-test imports), which go build rejects.</summary>
internal static class ImportCycles
{
    /// <summary>Each cycle once, as import paths from its first package back to it (a → b → a).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Find(IReadOnlyDictionary<string, GoPackage> packages)
    {
        var cycles = new List<IReadOnlyList<string>>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var start in packages.Keys.Order(StringComparer.Ordinal))
        {
            if (state.ContainsKey(start)) continue;
            // Iterative depth-first search: deep import chains must not exhaust the stack.
            var path = new List<string> { start };
            var next = new Stack<int>([0]);
            state[start] = 1;
            while (path.Count > 0)
            {
                var current = path[^1];
                var imports = packages[current].LocalImports;
                var index = next.Pop();
                if (index >= imports.Count)
                {
                    state[current] = 2;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }
                next.Push(index + 1);
                var target = imports[index];
                if (!packages.ContainsKey(target)) continue;
                if (!state.TryGetValue(target, out var s))
                {
                    state[target] = 1;
                    path.Add(target);
                    next.Push(0);
                }
                else if (s == 1)
                    cycles.Add([.. path[path.IndexOf(target)..], target]);
            }
        }
        return cycles;
    }
}
