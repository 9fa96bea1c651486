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
        foreach (var file in ModuleFiles.Concat(SourceFiles))
            InputPathRules.Validate(Name, "input file", file);
        var goMod = Workspace.RepoPath.Combine(ModuleDir, "go.mod");
        if (!ModuleFiles.Contains(goMod))
            throw new InvalidServiceInputException(Name,
                $"its module files do not include '{goMod}'; the module's go.mod is needed to build it.");
        if (ModuleFiles.FirstOrDefault(f => Path.GetFileName(f) is not ("go.mod" or "go.sum" or "go.work" or "go.work.sum")) is { } odd)
            throw new InvalidServiceInputException(Name,
                $"'{odd}' is listed as a module file but is not a go.mod, go.sum, go.work or go.work.sum; list it as a source file.");
    }
}
