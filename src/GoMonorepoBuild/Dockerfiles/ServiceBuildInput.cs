namespace GoMonorepoBuild.Dockerfiles;

/// <summary>
/// Everything an image of one service is built from. Paths are relative to the monorepo root and use '/'.
/// </summary>
/// <param name="Name">The service name; it must be a valid image name (see <see cref="ImageName"/>).</param>
/// <param name="ModuleDir">The folder of the service's Go module, e.g. <c>services/gateway</c> ("." for the root).</param>
/// <param name="MainPackageDir">The folder of the main package, inside <paramref name="ModuleDir"/>, e.g. <c>services/gateway/cmd/gateway</c>.</param>
/// <param name="GoVersion">The Go version the default builder image is chosen by, e.g. "1.23".</param>
/// <param name="ModuleFiles">go.mod/go.sum of the service's module and of every local module it depends on.</param>
/// <param name="SourceFiles">Every other image input: non-test .go files of the packages it builds from, embedded files.</param>
public sealed record ServiceBuildInput(
    string Name,
    string ModuleDir,
    string MainPackageDir,
    string GoVersion,
    IReadOnlyList<string> ModuleFiles,
    IReadOnlyList<string> SourceFiles)
{
    /// <summary>Files the binary reads at run time (gomonorepobuild.json's "extraInputs"), staged into <c>extras/</c> and copied into the image.</summary>
    public Workspace.Services.ExtraInputs ExtraInputs { get; init; } = Workspace.Services.ExtraInputs.None;

    public ServiceBuildInput WithExtraInputs(Workspace.Services.ExtraInputs extraInputs) => this with { ExtraInputs = extraInputs };

    /// <summary>
    /// When the module builds from its vendor folder: vendor/modules.txt and the vendored package files the build reads,
    /// staged at their monorepo paths; the build then uses <c>-mod=vendor</c> and downloads nothing.
    /// </summary>
    public IReadOnlyList<string> VendorFiles { get; init; } = [];

    public ServiceBuildInput WithVendorFiles(IReadOnlyList<string> vendorFiles) => this with { VendorFiles = vendorFiles };

    /// <summary>Whether the service builds from its module's vendor folder instead of the module cache.</summary>
    public bool IsVendored => VendorFiles.Count > 0;

    /// <summary>The main package relative to the module folder, as <c>go build</c> takes it: "." or "./cmd/x".</summary>
    public string MainPackageInModule =>
        MainPackageDir == ModuleDir ? "."
        : ModuleDir == "." ? "./" + MainPackageDir
        : "./" + MainPackageDir[(ModuleDir.Length + 1)..];

    /// <summary>Throws <see cref="InvalidServiceInputException"/> naming the first thing that cannot work.</summary>
    public void Validate()
    {
        ImageName.Validate(Name);
        InputPathRules.Validate(Name, "module folder", ModuleDir);
        InputPathRules.Validate(Name, "main package folder", MainPackageDir);
        if (!Workspace.RepoPath.IsUnder(MainPackageDir, ModuleDir))
            throw new InvalidServiceInputException(Name,
                $"the main package '{MainPackageDir}' is not inside the service's module '{ModuleDir}'; " +
                "a service builds a main package of its own module.");
        if (!System.Text.RegularExpressions.Regex.IsMatch(GoVersion, @"^\d+\.\d+(\.\d+)?$"))
            throw new InvalidServiceInputException(Name,
                $"'{GoVersion}' is not a Go version like '1.23' or '1.23.5'; check the 'go' line of {Workspace.RepoPath.Combine(ModuleDir, "go.mod")}.");
        foreach (var file in ModuleFiles.Concat(SourceFiles).Concat(VendorFiles))
            InputPathRules.Validate(Name, "input file", file);
        // The module's own vendor folder, or a 'go work vendor' folder beside go.work: either way its modules.txt.
        if (IsVendored && !VendorFiles.Any(f => f == "vendor/modules.txt" || f.EndsWith("/vendor/modules.txt", StringComparison.Ordinal)))
            throw new InvalidServiceInputException(Name,
                $"its vendor files do not include a vendor/modules.txt (e.g. '{Workspace.RepoPath.Combine(ModuleDir, "vendor/modules.txt")}'); " +
                $"a vendored build needs it: run 'go mod vendor' in {ModuleDir} (or 'go work vendor' for a workspace).");
        var goMod = Workspace.RepoPath.Combine(ModuleDir, "go.mod");
        if (!ModuleFiles.Contains(goMod))
            throw new InvalidServiceInputException(Name,
                $"its module files do not include '{goMod}'; the module's go.mod is needed to build it.");
        ValidateExtraInputs();
        if (ModuleFiles.FirstOrDefault(f => Path.GetFileName(f) is not ("go.mod" or "go.sum" or "go.work" or "go.work.sum")) is { } odd)
            throw new InvalidServiceInputException(Name,
                $"'{odd}' is listed as a module file but is not a go.mod, go.sum, go.work or go.work.sum; list it as a source file.");
    }

    /// <summary>
    /// Extra inputs' names never appear in the Dockerfile (one COPY takes the staged folder), so any file name will do;
    /// but each must stay below the staged folder and no two may land on one path in the image.
    /// </summary>
    void ValidateExtraInputs()
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in ExtraInputs.Files)
        {
            foreach (var (what, path) in new[] { ("extra input", file.Path), ("extra input's place in the image", file.Target) })
                if (path.Length == 0 || path.StartsWith('/') || path.Contains('\\') || path.Split('/').Any(s => s is "" or "." or ".."))
                    throw new InvalidServiceInputException(Name, $"the {what} '{path}' is not a relative path without '.' or '..' segments.");
            if (targets.TryGetValue(file.Target, out var other))
                throw new InvalidServiceInputException(Name,
                    $"the extra inputs '{other}' and '{file.Path}' would both be copied to '{file.Target}' in the image " +
                    $"(globs '{ExtraInputs.Files.First(f => f.Path == other).Glob.Text}' and '{file.Glob.Text}'); narrow one of the globs in gomonorepobuild.json.");
            targets[file.Target] = file.Path;
        }
    }
}
