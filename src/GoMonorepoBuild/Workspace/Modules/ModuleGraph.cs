using GoMonorepoBuild.Workspace.GoMod;

namespace GoMonorepoBuild.Workspace.Modules;

/// <summary>
/// Which monorepo modules each module depends on: M depends on X when M requires X and X resolves to a folder of the
/// monorepo, by a local <c>replace</c> in M's go.mod or by a go.work that uses both (its own replaces win).
/// A local replace without a matching require has no effect and only earns a warning.
/// </summary>
internal sealed class ModuleGraph
{
    private readonly Dictionary<string, GoModule> _byDir;
    private readonly Dictionary<string, GoModule> _byPath = new(StringComparer.Ordinal);
    private readonly IReadOnlySet<string> _brokenDirs;
    private readonly GoWorkFile? _work;
    private readonly MonorepoTree _tree;
    private readonly LoadProblems _problems;

    /// <summary>Module folder → folders it depends on, including folders whose go.mod failed to parse.</summary>
    public Dictionary<string, HashSet<string>> DirEdges { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<GoModule> Modules { get; private set; } = [];

    private ModuleGraph(IReadOnlyList<GoModule> modules, IReadOnlySet<string> brokenDirs, GoWorkFile? work, MonorepoTree tree, LoadProblems problems)
    {
        _byDir = modules.ToDictionary(m => m.Dir, StringComparer.Ordinal);
        _brokenDirs = brokenDirs;
        _work = work;
        _tree = tree;
        _problems = problems;
    }

    public static ModuleGraph Build(IReadOnlyList<GoModule> modules, IReadOnlySet<string> brokenDirs, GoWorkFile? work,
        MonorepoTree tree, LoadProblems problems)
    {
        var graph = new ModuleGraph(modules, brokenDirs, work, tree, problems);
        graph.IndexPaths(modules);
        graph.Modules = modules.Select(graph.Connect).ToList();
        return graph;
    }

    private void IndexPaths(IReadOnlyList<GoModule> modules)
    {
        foreach (var module in modules)
        {
            if (_byPath.TryGetValue(module.Path, out var first))
            {
                var at = module.ModFile.ModulePosition;
                _problems.Add(new WorkspaceException(
                    $"module path '{module.Path}' is also declared by {first.GoModFile}: every module of the monorepo needs its own path " +
                    $"(go.work refuses the same); rename one, or leave {module.Dir} out of --services if nothing needs it built",
                    module.GoModFile, at.Line, at.Column), module.Dir);
                continue;
            }
            _byPath[module.Path] = module;
        }
    }

    private GoModule Connect(GoModule module)
    {
        var dependencies = new SortedSet<string>(StringComparer.Ordinal);
        var dirEdges = DirEdges[module.Dir] = new HashSet<string>(StringComparer.Ordinal);
        var required = module.ModFile.Requires.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
        var idle = module.ModFile.Replaces.Where(r => r.IsLocal && !required.Contains(r.OldPath)).ToList();
        if (idle is [var replace])
            _problems.Warn($"{module.GoModFile}:{replace.Position}: replace of {replace.OldPath} has no effect: the module does not require it");
        else if (idle.Count > 1)
            // One line per go.mod: repositories that replace every sibling module on purpose would otherwise print hundreds.
            _problems.Warn($"{module.GoModFile}:{idle[0].Position}: {idle.Count} replaces have no effect, the module does not require them: " +
                           string.Join(", ", idle.Take(3).Select(r => $"{r.OldPath} (line {r.Position.Line})")) + (idle.Count > 3 ? ", ..." : ""));
        foreach (var requirement in module.ModFile.Requires)
        {
            var target = Resolve(module, requirement);
            if (target is null) continue;
            dirEdges.Add(target);
            if (_brokenDirs.Contains(target) || !_byDir.TryGetValue(target, out var targetModule)) continue;
            if (targetModule.Path != requirement.Path)
            {
                _problems.Add(new WorkspaceException(
                    $"{requirement.Path} resolves to {target}, but {targetModule.GoModFile} declares module '{targetModule.Path}': make the paths agree",
                    module.GoModFile, requirement.Position.Line, requirement.Position.Column), module.Dir);
                continue;
            }
            if (targetModule.Dir != module.Dir) dependencies.Add(targetModule.Path);
        }
        return module.WithLocalDependencies(dependencies.ToList());
    }

    /// <summary>The folder a requirement resolves to inside the monorepo, or null when it comes from a module proxy.</summary>
    private string? Resolve(GoModule module, ModRequirement requirement)
    {
        if (module.InWorkspace && _work is not null)
        {
            var workReplace = _work.Replaces.FirstOrDefault(r => r.Matches(requirement.Path, requirement.Version));
            if (workReplace is not null)
                return workReplace.IsLocal ? ResolveReplace(workReplace, ".", _work.File, null) : null;
        }
        var replace = module.ModFile.ReplacementFor(requirement.Path, requirement.Version);
        if (replace is not null)
            return replace.IsLocal ? ResolveReplace(replace, module.Dir, module.GoModFile, module.Dir) : null;
        if (module.InWorkspace && _byPath.TryGetValue(requirement.Path, out var used) && used.InWorkspace) return used.Dir;
        return null;
    }

    private string? ResolveReplace(ModReplacement replace, string baseDir, string file, string? moduleDir)
    {
        string? Fail(string reason)
        {
            _problems.Add(new WorkspaceException(reason, file, replace.Position.Line, replace.Position.Column), moduleDir);
            return null;
        }

        if (replace.NewPath.StartsWith('/') || replace.NewPath.Length >= 2 && replace.NewPath[1] == ':')
            return Fail($"replace {replace.OldPath} => {replace.NewPath} uses an absolute path: write it relative to {file} so the monorepo builds on any machine");
        var target = RepoPath.Resolve(baseDir, replace.NewPath);
        if (target is null)
            return Fail($"replace {replace.OldPath} => {replace.NewPath} points outside the monorepo root: image builds only see the monorepo, so move the module inside it");
        if (_tree.HasFile(target, "go.mod") || _brokenDirs.Contains(target)) return target;
        var exists = Directory.Exists(_tree.FullPath(target));
        return Fail(exists
            ? $"replace {replace.OldPath} => {replace.NewPath}: the folder {target} has no go.mod (or lies in a folder the go command ignores)"
            : $"replace {replace.OldPath} => {replace.NewPath}: the folder {target} does not exist");
    }
}
