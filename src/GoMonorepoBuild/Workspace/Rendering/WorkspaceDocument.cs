using GoMonorepoBuild.Workspace.Packages;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Workspace.Rendering;

// The shape of the model's JSON (JsonRenderer). Member order is the output's field order; names are camelCased.

internal sealed record WorkspaceDocument(
    WorkDocument? GoWork,
    IReadOnlyList<string> Platforms,
    IReadOnlyList<ModuleDocument> Modules,
    IReadOnlyList<GoPackage> Packages,
    IReadOnlyList<GoService> Services,
    IReadOnlyList<BlockedServiceDocument> BlockedServices,
    IReadOnlyList<NotCheckedOutDocument> NotCheckedOut,
    IReadOnlyList<string> Warnings);

internal sealed record WorkDocument(string File, string? GoVersion, IReadOnlyList<string> Uses);

internal sealed record ModuleDocument(
    string Path,
    string Dir,
    string? GoVersion,
    string GoMod,
    string? GoSum,
    bool InWorkspace,
    IReadOnlyList<string> LocalDependencies,
    IReadOnlyList<string> Dependents);

internal sealed record BlockedServiceDocument(string Name, string Path, string ModuleDir, string Problem, IReadOnlyList<string> Problems);

internal sealed record NotCheckedOutDocument(string Name, string Path, string Reason);
