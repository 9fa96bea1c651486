using GoMonorepoBuild.Workspace.Packages;

namespace GoMonorepoBuild.Workspace.Cache;

/// <summary>A vendored package as its folder gave it: the package, the warnings its load raised and the folder's regular files.</summary>
internal sealed record CachedPackage(GoPackage Package, IReadOnlyList<string> Warnings, IReadOnlyList<string> RegularFiles);
