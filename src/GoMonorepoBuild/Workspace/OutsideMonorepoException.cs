namespace GoMonorepoBuild.Workspace;

/// <summary>
/// A file the build needs is reached through a symbolic link that leads out of the monorepo. Nothing outside the
/// monorepo is read, hashed, staged or shipped: a container build could not see that file either (BuildKit sends a
/// link, never its target), and following it would copy a file of this machine into an image.
/// </summary>
public sealed class OutsideMonorepoException : WorkspaceException
{
    public OutsideMonorepoException(string path, string link, string target, IReadOnlyList<string>? blockedServices = null)
        : base(Describe(path, link, target), path, blockedServices: blockedServices)
    {
        Path = path;
        Link = link;
        Target = target;
    }

    /// <summary>The file that was asked for, relative to the monorepo root.</summary>
    public string Path { get; }

    /// <summary>The symbolic link on the way to it that leads out (the file itself or one of its folders), relative to the root.</summary>
    public string Link { get; }

    /// <summary>Where that link points, as written in the link.</summary>
    public string Target { get; }

    public override WorkspaceException WithBlockedServices(IReadOnlyList<string> services) => new OutsideMonorepoException(Path, Link, Target, services);

    private static string Describe(string path, string link, string target) =>
        (link == path ? "is a symbolic link" : $"is reached through the symbolic link {link}") +
        $" to '{target}', outside the monorepo: nothing outside it is read, staged or shipped. " +
        "Replace the link with the file itself, or point it at a file inside the monorepo.";
}
