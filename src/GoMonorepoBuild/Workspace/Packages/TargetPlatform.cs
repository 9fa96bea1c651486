namespace GoMonorepoBuild.Workspace.Packages;

/// <summary>A GOOS/GOARCH pair images are built for, e.g. linux/amd64.</summary>
public sealed record TargetPlatform(string Os, string Arch)
{
    public static readonly IReadOnlyList<TargetPlatform> Default = [new("linux", "amd64"), new("linux", "arm64")];

    public static TargetPlatform Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length < 2 || !KnownPlatforms.IsOs(parts[0]) || !KnownPlatforms.IsArch(parts[1]))
            throw new WorkspaceException($"unknown target platform '{text}': write it as os/arch, e.g. linux/amd64");
        return new TargetPlatform(parts[0], parts[1]);
    }

    public override string ToString() => $"{Os}/{Arch}";
}
