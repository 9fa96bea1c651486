using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Packages;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Affected;

/// <summary>Builds the typed reason for one changed file and one service from the workspace model's chain.</summary>
internal static class Reasons
{
    public static bool IsModuleFile(string path) => GoInputFiles.IsModuleFile(RepoPath.FileName(path));

    public static string Verb(ChangedFile file) => file.Kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Deleted => "deleted",
        ChangeKind.Renamed => $"moved ({file.OldPath} -> {file.Path})",
        _ => "modified",
    };

    /// <summary>The reason for a file present at the head that is an input of the service there.</summary>
    public static AffectedReason AtHead(GoWorkspace model, GoService service, string path, ChangedFile file)
    {
        if (service.IsOnlyExtraInput(path)) return ExtraInput(service, path, file)!;
        var chain = model.Explain(path, service) ?? [path, $"service {service.Name}"];
        var kind = KindOf(model, service, path);
        return new AffectedReason(kind, $"{path} {Verb(file)}: {Describe(kind, service)}", chain);
    }

    /// <summary>The reason for a file that was an input of the service at the base revision and is gone or changed since.</summary>
    public static AffectedReason AtBase(GoWorkspace baseModel, GoService baseService, GoWorkspace head, string path, ChangedFile file)
    {
        var chain = (baseModel.Explain(path, baseService) ?? [path, $"service {baseService.Name}"]).ToList();
        chain[0] = $"{path} (at the base revision)";
        var gone = baseModel.PackagesOfFile(path).Where(p => !head.Packages.ContainsKey(p.ImportPath)).Select(p => p.ImportPath).ToList();
        if (gone.Count > 0)
            return new AffectedReason(ReasonKind.DeletedPackage,
                $"{path} {Verb(file)}: package {string.Join(", ", gone)}, which the service imported at the base revision, no longer exists", chain);
        var kind = KindOf(baseModel, baseService, path);
        return new AffectedReason(kind, $"{path} {Verb(file)}: it was an input of the service at the base revision", chain);
    }

    /// <summary>Module granularity: the file lies in a module of the service's module closure.</summary>
    public static AffectedReason InModule(GoService service, string modulePath, string moduleDir, string path, ChangedFile file)
    {
        var kind = IsModuleFile(path) ? ReasonKind.ModuleFileChanged
            : moduleDir == service.ModuleDir ? ReasonKind.FileChanged : ReasonKind.DependencyChanged;
        var chain = new List<string> { path, $"module {modulePath}" };
        if (moduleDir != service.ModuleDir) chain.Add($"in the module closure of {service.ModuleDir}");
        chain.Add($"service {service.Name}");
        return new AffectedReason(kind, $"{path} {Verb(file)}: module {modulePath} is in the service's module closure", chain);
    }

    public static AffectedReason Global(string path, string pattern, ChangedFile file, GoService service) =>
        new(ReasonKind.GlobalFile, $"{path} {Verb(file)}: it matches the global pattern '{pattern}', which affects every service",
            [path, $"global pattern '{pattern}'", $"service {service.Name}"]);

    /// <summary>A non-Go source compiled into a package of the service (assembly, cgo), explained through that package.</summary>
    public static AffectedReason CompiledWith(GoWorkspace model, GoService service, GoPackage package, string path, ChangedFile file)
    {
        var tail = model.Explain(package.Files[0], service)?.Skip(2) ?? [$"service {service.Name}"];
        var chain = new List<string> { path, $"compiled with package {package.ImportPath}" };
        chain.AddRange(tail);
        var kind = model.ModuleContaining(path)?.Dir == service.ModuleDir ? ReasonKind.FileChanged : ReasonKind.DependencyChanged;
        return new AffectedReason(kind, $"{path} {Verb(file)}: the go command compiles it into package {package.ImportPath}", chain);
    }

    public static AffectedReason CopiedByDockerfile(GoService service, OwnDockerfile dockerfile, CopyVerdict verdict, ChangedFile file)
    {
        var instruction = dockerfile.Copies.InstructionOf(verdict.Source);
        var mounted = dockerfile.Copies.IsMount(verdict.Source);
        var chain = new List<string> { verdict.Path, $"{(mounted ? "mounted" : "copied")} by {dockerfile.Dockerfile} ({instruction})" };
        if (verdict.IgnoreText is { } again) chain.Add(again);
        chain.Add($"build context {dockerfile.Context}");
        chain.Add($"service {service.Name}");
        return new AffectedReason(ReasonKind.FileChanged,
            $"{verdict.Path} {Verb(file)}: the Dockerfile of {service.Name} {(mounted ? "mounts" : "copies")} it ({instruction}) from its build context {dockerfile.Context}",
            chain);
    }

    public static AffectedReason IgnoreFileChanged(GoService service, OwnDockerfile dockerfile, string path, ChangedFile file) =>
        new(ReasonKind.FileChanged,
            $"{path} {Verb(file)}: it decides what of the build context {dockerfile.Context.Folder} reaches the builder of {service.Name}",
            [path, $"the .dockerignore of {dockerfile.Dockerfile}'s build context {dockerfile.Context}", $"service {service.Name}"]);

    /// <summary>The file matches one of the service's extra-input globs (by pattern: it may be gone at the head); null when none does.</summary>
    public static AffectedReason? ExtraInput(GoService service, string path, ChangedFile file) =>
        GoWorkspace.ExplainExtraInput(path, service) is { } chain
            ? new AffectedReason(ReasonKind.ExtraInputChanged,
                $"{path} {Verb(file)}: it matches the extra input '{service.ExtraInputs.GlobMatching(path)!.Text}' of {service.Name}, which its image holds",
                chain)
            : null;

    public static AffectedReason NewService(GoService service, ChangedFile file) =>
        new(ReasonKind.NewService, $"{service.Path} is a new service ({RepoPath.Combine(service.ModuleDir, "go.mod")} {Verb(file)})",
            [RepoPath.Combine(service.ModuleDir, "go.mod"), "new service", $"service {service.Name}"]);

    static ReasonKind KindOf(GoWorkspace model, GoService service, string path)
    {
        if (IsModuleFile(path)) return ReasonKind.ModuleFileChanged;
        if (path == service.Dockerfile) return ReasonKind.FileChanged;
        return model.ModuleContaining(path)?.Dir == service.ModuleDir ? ReasonKind.FileChanged : ReasonKind.DependencyChanged;
    }

    static string Describe(ReasonKind kind, GoService service) => kind switch
    {
        ReasonKind.FileChanged => $"the image of {service.Name} is built from it",
        ReasonKind.ModuleFileChanged => $"the build of {service.Name} reads it",
        _ => $"{service.Name} depends on it",
    };
}
