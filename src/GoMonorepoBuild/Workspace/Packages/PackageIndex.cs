using GoMonorepoBuild.Workspace.Modules;

namespace GoMonorepoBuild.Workspace.Packages;

/// <summary>
/// Groups scanned .go files into packages (one per folder, owned by the nearest module above it) and sorts each
/// package's imports into local (a package of a monorepo module), standard library and external.
/// </summary>
internal static class PackageIndex
{
    public static Dictionary<string, GoPackage> Build(
        MonorepoTree tree,
        IReadOnlyDictionary<string, GoModule> modulesByDir,
        IReadOnlyList<(string Dir, IReadOnlyList<(string Path, GoSourceFile File)> Files)> folders,
        IReadOnlyList<TargetPlatform> platforms,
        LoadProblems problems,
        Func<string, string?> moduleDirOf,
        CancellationToken cancellationToken = default)
    {
        var drafts = new List<Draft>();
        foreach (var (dir, files) in folders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var moduleDir = moduleDirOf(dir);
            if (moduleDir is null || !modulesByDir.TryGetValue(moduleDir, out var module)) continue;
            var importPath = dir == module.Dir ? module.Path : module.Path + "/" + (module.Dir == "." ? dir : dir[(module.Dir.Length + 1)..]);
            drafts.Add(Draft.Create(tree, importPath, module.Path, module.Dir, dir, files, platforms, problems));
        }
        var byImportPath = new Dictionary<string, Draft>(StringComparer.Ordinal);
        foreach (var draft in drafts) byImportPath.TryAdd(draft.ImportPath, draft);
        var modulesByPath = modulesByDir.Values.GroupBy(m => m.Path).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var packages = new Dictionary<string, GoPackage>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            var local = new List<string>();
            var std = new List<string>();
            var external = new List<string>();
            foreach (var import in draft.Imports)
            {
                if (import == "C") continue;
                if (IsLocal(import, modulesByPath, byImportPath)) local.Add(import);
                else if (!IsExternal(import)) std.Add(import);
                else external.Add(import);
            }
            var others = tree.FilesIn(draft.Dir).Where(GoInputFiles.IsOtherSource).Select(n => RepoPath.Combine(draft.Dir, n)).ToList();
            packages[draft.ImportPath] = draft.ToPackage(local, std, external, others);
        }
        return packages;
    }

    /// <summary>
    /// A package of a vendor folder (<paramref name="dir"/>, e.g. <c>vendor/github.com/x/y</c>) built by the same rules as a
    /// local one: its non-standard imports are looked up in the same vendor folder, so none of them is local.
    /// </summary>
    public static GoPackage Vendored(MonorepoTree tree, string importPath, string modulePath, string vendoringModuleDir, string dir,
        IReadOnlyList<(string Path, GoSourceFile File)> files, IReadOnlyList<string> otherSources, IReadOnlyList<TargetPlatform> platforms,
        LoadProblems problems)
    {
        var draft = Draft.Create(tree, importPath, modulePath, vendoringModuleDir, dir, files, platforms, problems);
        var std = draft.Imports.Where(i => i != "C" && !IsExternal(i)).ToList();
        var external = draft.Imports.Where(IsExternal).ToList();
        return draft.ToPackage([], std, external, otherSources);
    }

    /// <summary>An import path whose first element has a dot is not the standard library's.</summary>
    public static bool IsExternal(string import) => import.Split('/')[0].Contains('.');

    /// <summary>Local when the longest monorepo module path prefixing the import has a package at that folder.</summary>
    private static bool IsLocal(string import, Dictionary<string, GoModule> modulesByPath, Dictionary<string, Draft> packages)
    {
        for (var prefix = import; ; )
        {
            if (modulesByPath.ContainsKey(prefix)) return packages.ContainsKey(import);
            var slash = prefix.LastIndexOf('/');
            if (slash < 0) return false;
            prefix = prefix[..slash];
        }
    }

    private sealed record Draft(
        string ImportPath, string Name, string Dir, string ModulePath,
        List<string> Files, List<string> Excluded, List<string> Tests,
        SortedSet<string> Imports, SortedSet<string> TestImports, SortedSet<string> Embeds,
        SortedDictionary<string, string> Constraints)
    {
        // problemDir: the module folder problems are filed under (the vendoring module's for a vendored package).
        public static Draft Create(MonorepoTree tree, string importPath, string modulePath, string problemDir, string dir,
            IReadOnlyList<(string Path, GoSourceFile File)> files, IReadOnlyList<TargetPlatform> platforms, LoadProblems problems)
        {
            var draft = new Draft(importPath, "", dir, modulePath, [], [], [], new(StringComparer.Ordinal), new(StringComparer.Ordinal),
                new(StringComparer.Ordinal), new(StringComparer.Ordinal));
            string? name = null;
            string? nameFile = null;
            // Files a plain `go build` compiles name the package; one that needs a custom tag may disagree (below).
            foreach (var (path, file) in PlainBuildFirst(files, platforms))
            {
                if (file.Constraint is not null) draft.Constraints[path] = file.Constraint.Expression;
                var builds = platforms.Any(p => KnownPlatforms.FileNameAllows(file.Name, p) && (file.Constraint?.MayBuildFor(p) ?? true));
                if (!builds) { draft.Excluded.Add(path); continue; }
                if (file.IsTest)
                {
                    draft.Tests.Add(path);
                    foreach (var i in file.Imports) draft.TestImports.Add(i.Path);
                    continue;
                }
                if (name is not null && file.PackageName != name)
                {
                    // As go build without -tags: a generator's "//go:build sometag" package main beside a library is no conflict.
                    if (NeedsCustomTag(file, platforms))
                    {
                        draft.Excluded.Add(path);
                        continue;
                    }
                    problems.Add(new WorkspaceException(
                        $"package {file.PackageName} here, but {nameFile} in the same folder is package {name}: a folder holds one package",
                        path, 1, 1), problemDir, dir);
                    continue;
                }
                name ??= file.PackageName;
                nameFile ??= path;
                draft.Files.Add(path);
                foreach (var i in file.Imports) draft.Imports.Add(i.Path);
                foreach (var embed in file.EmbedPatterns)
                {
                    try
                    {
                        foreach (var embedded in EmbedResolver.Resolve(tree.Files, dir, embed, path)) draft.Embeds.Add(embedded);
                    }
                    catch (WorkspaceException e)
                    {
                        problems.Add(e, problemDir, dir);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        problems.Add(new WorkspaceException($"pattern {embed.Pattern}: {e.Message}", path, embed.Line, 1), problemDir, dir);
                    }
                }
            }
            draft.Files.Sort(StringComparer.Ordinal);
            draft.Excluded.Sort(StringComparer.Ordinal);
            draft.Tests.Sort(StringComparer.Ordinal);
            // Without a buildable file, the tests (or else the excluded files) say what the package is called.
            name ??= NameFromTestsOrAny(files);
            return draft with { Name = name };
        }

        // The two below are loops, not OrderBy over (path, file) tuples: LINQ over tuples is JIT-compiled in every run
        // (BENCHMARKS.md, "JIT-compiled methods by call site").

        /// <summary>The files in order, those that need no custom tag first (a stable partition).</summary>
        private static List<(string Path, GoSourceFile File)> PlainBuildFirst(IReadOnlyList<(string Path, GoSourceFile File)> files,
            IReadOnlyList<TargetPlatform> platforms)
        {
            var plain = new List<(string Path, GoSourceFile File)>(files.Count);
            var tagged = new List<(string Path, GoSourceFile File)>();
            foreach (var f in files) (NeedsCustomTag(f.File, platforms) ? tagged : plain).Add(f);
            plain.AddRange(tagged);
            return plain;
        }

        /// <summary>The package name the first test file gives (an external test package's without "_test"), else the first file's.</summary>
        private static string NameFromTestsOrAny(IReadOnlyList<(string Path, GoSourceFile File)> files)
        {
            GoSourceFile? chosen = null;
            foreach (var f in files)
                if (f.File.IsTest) { chosen = f.File; break; }
            chosen ??= files.Count > 0 ? files[0].File : null;
            if (chosen is null) return "";
            return chosen.PackageName.EndsWith("_test", StringComparison.Ordinal) ? chosen.PackageName[..^5] : chosen.PackageName;
        }

        private static bool NeedsCustomTag(GoSourceFile file, IReadOnlyList<TargetPlatform> platforms) =>
            file.Constraint is { } constraint && !platforms.Any(constraint.BuildsWithoutTags);

        public GoPackage ToPackage(List<string> local, List<string> std, List<string> external, IReadOnlyList<string> others) => new(
            ImportPath, Name, Dir, ModulePath, Files, Excluded, Tests, Imports.ToList(), local, std, external,
            TestImports.ToList(), Embeds.ToList(), others, Constraints);
    }
}
