using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Affected;

/// <summary>
/// The folder a service's own Dockerfile is built with as its context, and how that was decided, in words for the
/// Graph and the affected reasons: "src/frontend, the service folder (inferred: COPY go.mod resolves beside the Dockerfile)".
/// </summary>
/// <param name="Folder">Relative to the monorepo root, "." for the root.</param>
/// <param name="What">"the service folder", "the monorepo root" or "a configured folder".</param>
/// <param name="How">"configured in gomonorepobuild.json" or "inferred: ...".</param>
public sealed record BuildContext(string Folder, string What, string How)
{
    public bool Configured => How.StartsWith("configured", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="path"/> (relative to the monorepo) lies in the context, so BuildKit can send it to the builder.</summary>
    public bool Holds(string path) => RepoPath.IsUnder(path, Folder);

    public override string ToString() => Folder == "." ? $"{What} ({How})" : $"{Folder}, {What} ({How})";
}
