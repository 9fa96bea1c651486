using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Affected;

/// <summary>
/// The pure core of the analysis: changed files and the workspace model at the head (and, only when needed, at the base)
/// in, affected services with reasons out. No git, no disk beyond what the models hold.
/// <para>
/// A file present at the head affects the services whose image it is an input of there. The base model is consulted
/// only for what the head cannot explain: files gone at the head (deleted, or the old side of a move), and Go files that
/// build into no package at the head (a file newly excluded by a build tag was an input before). An edit that cuts an
/// import or a replace is itself a change to a file still in the service's closure, so the head model sees it.
/// </para>
/// </summary>
public static class AffectedPlanner
{
    /// <param name="files">Changes inside the monorepo, relative to its root.</param>
    /// <param name="outside">Changed paths outside the monorepo, relative to the repository root.</param>
    /// <param name="head">The workspace model at the head.</param>
    /// <param name="baseModel">Loads the model at the base revision (called at most once; null when it cannot be loaded).</param>
    /// <param name="options">Granularity and global patterns.</param>
    public static AffectedResult Plan(IReadOnlyList<ChangedFile> files, IReadOnlyList<string> outside, GoWorkspace head,
        Func<GoWorkspace?> baseModel, AffectedOptions options)
    {
        var state = new PlanState(head, baseModel, options.OwnDockerfiles);
        var outsideIgnored = 0;
        foreach (var path in outside)
        {
            if (options.Globals.MatchInRepository(path) is { } pattern)
                state.AffectAll(s => Reasons.Global(path, pattern, ChangedFile.Modified(path), s));
            else outsideIgnored++;
        }

        foreach (var file in files)
        {
            if (file.Paths.Select(p => (Path: p, Pattern: options.Globals.MatchInMonorepo(p))).FirstOrDefault(x => x.Pattern is not null) is
                { Pattern: { } global } match)
            {
                Global(state, file, match.Path, global, options.OwnDockerfiles);
                continue;
            }
            NewService(state, file);
            state.OutsideContext.Clear();
            var explained = options.Granularity == Granularity.Package ? ByPackage(state, file) : ByModule(state, file);
            var excluded = new List<string>();
            explained |= CopiedByDockerfile(state, file, options.OwnDockerfiles, excluded);
            explained |= ExtraInput(state, file);
            // A change reaching a blocked service is reported there (blockedServices), not as ignored.
            explained |= file.Paths.Any(p => head.BlockedServicesReaching(p).Count > 0);
            if (!explained)
            {
                var path = file.HeadPath ?? file.BasePath!;
                if (state.OutsideContext.Count > 0)
                    excluded.Add($"outside the build context of the own Dockerfile of {string.Join(", ", state.OutsideContext.Distinct().Order(StringComparer.Ordinal))}, which uses it in the Go build but cannot be sent it");
                state.Ignored.Add(new IgnoredFile(path, excluded.Count > 0 ? string.Join("; ", excluded) : IgnoreReasons.For(head, path, file.HeadPath is null)));
            }
        }

        return new AffectedResult(
            files.SelectMany(f => f.Paths).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            state.Affected(),
            state.Ignored.OrderBy(i => i.Path, StringComparer.Ordinal).ToList())
        {
            RemovedServices = state.Removed.Order(StringComparer.Ordinal).ToList(),
            OutsideFiles = outsideIgnored,
            BlockedServices = AffectedResult.Blocked(head.BlockedServices, b => state.EverythingAffected
                || files.SelectMany(f => f.Paths).Any(p => head.BlockedServicesReaching(p).Contains(b))),
        };
    }

    /// <summary>
    /// A file matching a global pattern affects every service, but a Go workspace file (go.work, go.work.sum) only the
    /// services whose build can see it: the generated builds run the go command in the monorepo, while a service built
    /// by its own Dockerfile sees it only when a COPY takes it from its build context (a Dockerfile built from its own
    /// folder, as Cloud Run's <c>--source .</c> does, never does).
    /// </summary>
    static void Global(PlanState state, ChangedFile file, string path, string pattern, IReadOnlyDictionary<string, OwnDockerfile> dockerfiles)
    {
        if (!GoWorkspaceFiles.Contains(RepoPath.FileName(path)) || dockerfiles.Count == 0)
        {
            state.AffectAll(s => Reasons.Global(path, pattern, file, s));
            return;
        }
        var reached = state.AffectAll(s => Reasons.Global(path, pattern, file, s), s => !dockerfiles.ContainsKey(s.Path));
        var excluded = new List<string>();
        if (CopiedByDockerfile(state, file, dockerfiles, excluded) || reached > 0) return;
        state.Ignored.Add(new IgnoredFile(path, excluded.Count > 0 ? string.Join("; ", excluded)
            : $"a Go workspace file, and every service is built by its own Dockerfile, whose build context does not hold it"));
    }

    static readonly HashSet<string> GoWorkspaceFiles = new(StringComparer.Ordinal) { "go.work", "go.work.sum" };

    static void NewService(PlanState state, ChangedFile file)
    {
        if (file.Kind is not (ChangeKind.Added or ChangeKind.Renamed) || RepoPath.FileName(file.Path) != "go.mod") return;
        var dir = RepoPath.Parent(file.Path);
        foreach (var service in state.Head.Services.Where(s => s.ModuleDir == dir))
            state.Add(service, Reasons.NewService(service, file));
    }

    /// <summary>
    /// A user-owned Dockerfile's COPY/ADD takes the file from its build context (and its .dockerignore does not keep
    /// it out), or the file is one of the .dockerignore files that decide what the context holds. A file that only a
    /// .dockerignore keeps out is noted in <paramref name="excluded"/>, the reason given if nothing else explains it.
    /// </summary>
    static bool CopiedByDockerfile(PlanState state, ChangedFile file, IReadOnlyDictionary<string, OwnDockerfile> dockerfiles, List<string> excluded)
    {
        var explained = false;
        foreach (var service in state.Head.Services.Where(s => s.Dockerfile is not null && dockerfiles.ContainsKey(s.Path)))
        {
            var dockerfile = dockerfiles[service.Path];
            foreach (var path in file.Paths)
            {
                if (dockerfile.IgnoreFiles.Contains(path))
                {
                    state.Add(service, Reasons.IgnoreFileChanged(service, dockerfile, path, file));
                    explained = true;
                    break;
                }
                if (dockerfile.Brings(path) is not { } verdict) continue;
                if (verdict.Excluded)
                {
                    excluded.Add($"{verdict.IgnoreText}: the build context of {service.Name} ({dockerfile.Context.Folder}) leaves it out");
                    continue;
                }
                state.Add(service, Reasons.CopiedByDockerfile(service, dockerfile, verdict, file));
                explained = true;
                break;
            }
        }
        return explained;
    }

    /// <summary>
    /// A path matching a service's extra-input globs (files its binary reads at run time) affects it. Decided by the
    /// head's globs alone, for both sides of the change: a deleted template is no file at the head, and a revision's
    /// copy of the tree holds no templates, yet the image held it.
    /// </summary>
    static bool ExtraInput(PlanState state, ChangedFile file)
    {
        var explained = false;
        foreach (var service in state.Head.Services.Where(s => s.ExtraInputs.Globs.Count > 0))
            foreach (var path in file.Paths)
                if (Reasons.ExtraInput(service, path, file) is { } reason)
                {
                    state.Add(service, reason);
                    explained = true;
                    break;
                }
        return explained;
    }

    static bool ByPackage(PlanState state, ChangedFile file)
    {
        var explained = false;
        if (file.HeadPath is { } headPath)
            foreach (var service in state.Head.ServicesWithInput(headPath))
            {
                explained |= state.AddFromModel(service, headPath, () => Reasons.AtHead(state.Head, service, headPath, file));
            }
        if (!explained && file.HeadPath is { } compiled && CompiledSources.Users(state.Head, compiled) is var (package, users))
            foreach (var service in users)
            {
                explained |= state.AddFromModel(service, compiled, () => Reasons.CompiledWith(state.Head, service, package, compiled, file));
            }

        if (file.BasePath is not { } basePath || !NeedsBase(state, file, explained)) return explained;
        if (state.Base is not { } baseModel) return ByModuleAtBase(state, file, basePath) || explained;
        var baseUsers = CompiledSources.Users(baseModel, basePath);
        foreach (var baseService in baseModel.ServicesWithInput(basePath).Concat(baseUsers?.Services ?? []))
        {
            if (state.HeadService(baseService.Path) is not { } service)
            {
                explained = true;
                // Blocked at the head is not gone: blockedServices says whether the change may reach it.
                if (!state.IsBlockedAtHead(baseService.Path)) state.Removed.Add(baseService.Name);
            }
            else if (baseUsers is var (basePackage, _))
                explained |= state.AddFromModel(service, basePath, () => Reasons.CompiledWith(baseModel, baseService, basePackage, basePath, file));
            else explained |= state.AddFromModel(service, basePath, () => Reasons.AtBase(baseModel, baseService, state.Head, basePath, file));
        }
        return explained;
    }

    /// <summary>
    /// Whether the base side can say more than the head: the file is gone or moved, or it is a Go file that builds into no
    /// package at the head (a build tag or package clause newly excludes it) and so may have been an input before.
    /// </summary>
    static bool NeedsBase(PlanState state, ChangedFile file, bool explainedAtHead)
    {
        if (file.HeadPath is null || file.Kind == ChangeKind.Renamed) return true;
        if (explainedAtHead) return false;
        // A vendored package no service reaches at the head was reached at the base only through an import that this
        // change removed, and that change explains the service; so only a package still reached needs the base.
        if (state.Head.VendoredImportPathOf(file.Path) is { } vendored)
            return state.Head.Services.Any(s => s.VendoredPackages.Contains(vendored, StringComparer.Ordinal));
        var name = RepoPath.FileName(file.Path);
        return name.EndsWith(".go", StringComparison.Ordinal) && !name.EndsWith("_test.go", StringComparison.Ordinal)
               && !state.Head.PackagesOfFile(file.Path).Any(p => p.Files.Contains(file.Path));
    }

    static bool ByModule(PlanState state, ChangedFile file)
    {
        var explained = false;
        foreach (var path in file.Paths)
        {
            var module = state.Head.ModuleContaining(path);
            if (module is null) continue;
            foreach (var service in state.Head.Services.Where(s => s.Modules.Contains(module.Path)))
                explained |= state.AddFromModel(service, path, () => Reasons.InModule(service, module.Path, module.Dir, path, file));
        }
        if (file.BasePath is { } basePath && state.Head.ModuleContaining(basePath) is null && file.HeadPath != basePath)
            explained |= ByModuleAtBase(state, file, basePath);
        return explained;
    }

    /// <summary>
    /// The base side by modules: used for module granularity when the file's module is gone at the head, and as the safe
    /// answer when the base model could not be loaded.
    /// </summary>
    static bool ByModuleAtBase(PlanState state, ChangedFile file, string basePath)
    {
        var explained = false;
        var module = state.Base?.ModuleContaining(basePath) ?? state.Head.ModuleContaining(basePath);
        if (module is null) return false;
        foreach (var service in state.Head.Services.Where(s => s.Modules.Contains(module.Path)))
            explained |= state.AddFromModel(service, basePath, () => Reasons.InModule(service, module.Path, module.Dir, basePath, file));
        if (state.Base is { } baseModel)
            foreach (var gone in baseModel.Services.Where(s => s.Modules.Contains(module.Path) && state.HeadService(s.Path) is null
                                                               && !state.IsBlockedAtHead(s.Path)))
            {
                state.Removed.Add(gone.Name);
                explained = true;
            }
        return explained;
    }

    sealed class PlanState(GoWorkspace head, Func<GoWorkspace?> loadBase, IReadOnlyDictionary<string, OwnDockerfile> dockerfiles)
    {
        readonly Dictionary<string, List<AffectedReason>> reasons = new(StringComparer.Ordinal);
        readonly Lazy<GoWorkspace?> baseModel = new(loadBase);

        public GoWorkspace Head { get; } = head;
        public GoWorkspace? Base => baseModel.Value;
        public List<IgnoredFile> Ignored { get; } = [];
        public HashSet<string> Removed { get; } = new(StringComparer.Ordinal);

        public GoService? HeadService(string path) => Head.Services.FirstOrDefault(s => s.Path == path);

        public bool IsBlockedAtHead(string path) => Head.BlockedServices.Any(b => b.Path == path);

        /// <summary>Services left out of the current file by <see cref="AddFromModel"/>, by name.</summary>
        public List<string> OutsideContext { get; } = [];

        /// <summary>
        /// Adds a reason the Go model gives for <paramref name="path"/>, unless the service is built by its own Dockerfile
        /// and the path lies outside that Dockerfile's build context: BuildKit sends its builder nothing else, so the file
        /// cannot reach the image (a go.work's other modules, a lib beside a service built from its own folder).
        /// </summary>
        public bool AddFromModel(GoService service, string path, Func<AffectedReason> reason)
        {
            if (dockerfiles.TryGetValue(service.Path, out var own) && !own.Context.Holds(path) && path != own.Dockerfile)
            {
                OutsideContext.Add(service.Name);
                return false;
            }
            Add(service, reason());
            return true;
        }

        public void Add(GoService service, AffectedReason reason)
        {
            if (!reasons.TryGetValue(service.Path, out var list)) reasons[service.Path] = list = [];
            // By value: two steps may explain one file the same way (an extra input is also an image input at the head).
            if (!list.Any(r => r.Kind == reason.Kind && r.Detail == reason.Detail && r.Chain.SequenceEqual(reason.Chain))) list.Add(reason);
        }

        /// <summary>A change affected every service (a global file): the blocked ones too.</summary>
        public bool EverythingAffected { get; private set; }

        /// <summary>Adds every service <paramref name="reaches"/> (all when null); returns how many.</summary>
        public int AffectAll(Func<GoService, AffectedReason> reason, Func<GoService, bool>? reaches = null)
        {
            EverythingAffected = true; // blocked services cannot be asked whether they see it
            var count = 0;
            foreach (var service in Head.Services.Where(s => reaches?.Invoke(s) ?? true))
            {
                Add(service, reason(service));
                count++;
            }
            return count;
        }

        public List<AffectedService> Affected() =>
            Head.Services.Where(s => reasons.ContainsKey(s.Path))
                .Select(s => new AffectedService(s.Name, s.Path, reasons[s.Path]))
                .ToList();
    }
}
