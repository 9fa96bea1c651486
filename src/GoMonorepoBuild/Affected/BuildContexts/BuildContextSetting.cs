using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Affected;

/// <summary>
/// gomonorepobuild.json's <c>"context"</c> for a service with its own Dockerfile: <c>service</c> (the folder of the
/// Dockerfile), <c>root</c> (the monorepo root) or a folder relative to the monorepo root.
/// </summary>
public sealed record BuildContextSetting(string Value, string? Folder)
{
    public const string ServiceFolder = "service";
    public const string Root = "root";

    public const string Allowed = "\"service\" (the folder of the service's Dockerfile), \"root\" (the monorepo root) or a folder relative to the monorepo root";

    /// <summary>The folder for a service at <paramref name="servicePath"/>, relative to the monorepo root.</summary>
    public string FolderFor(string servicePath) => Value == ServiceFolder ? servicePath : Folder!;

    /// <summary>Throws <see cref="ArgumentException"/> naming what is allowed when <paramref name="value"/> is none of them.</summary>
    public static BuildContextSetting Parse(string value)
    {
        var text = value.Trim();
        if (text == ServiceFolder) return new BuildContextSetting(ServiceFolder, null);
        if (text == Root) return new BuildContextSetting(Root, ".");
        if (text.Length == 0 || Path.IsPathRooted(text) || text.StartsWith('/') || text.Contains('\\'))
            throw new ArgumentException($"\"context\": \"{value}\" is not allowed: give {Allowed}.");
        var folder = RepoPath.Resolve(".", text)
                     ?? throw new ArgumentException($"\"context\": \"{value}\" leaves the monorepo: give {Allowed}.");
        return new BuildContextSetting(text, folder);
    }
}
