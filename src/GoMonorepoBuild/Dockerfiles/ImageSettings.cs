namespace GoMonorepoBuild.Dockerfiles;

/// <summary>
/// What a user can set about a service's image, globally or per service (a section of <c>gomonorepobuild.json</c>,
/// see <see cref="ImageSettingsFile"/>). Every member is optional: null means "not set here", so settings stack with
/// <see cref="Over"/> and whatever is still unset keeps the framework's default.
/// </summary>
public sealed record ImageSettings
{
    public static ImageSettings None { get; } = new();

    /// <summary><c>scratch</c> (the default), <c>distroless</c>, <c>alpine</c> or an image reference.</summary>
    public string? Runtime { get; init; }

    public CaCertificatesPolicy? CaCertificates { get; init; }

    public ZoneInfoPolicy? ZoneInfo { get; init; }

    /// <summary>Stamped with <c>-X</c> into <see cref="VersionVariable"/> and used as the version label.</summary>
    public string? Version { get; init; }

    /// <summary>Where <see cref="Version"/> goes (default <c>main.version</c>).</summary>
    public string? VersionVariable { get; init; }

    /// <summary>Linker flags added after <c>-s -w -buildid=</c>.</summary>
    public string? LdFlags { get; init; }

    /// <summary>The <c>org.opencontainers.image.source</c> label, e.g. the repository URL.</summary>
    public string? Source { get; init; }

    /// <summary>
    /// The main package to build, relative to the module folder (<c>cmd/dockerd</c>): for a module with several, which
    /// would otherwise be one service per main package. Per service only; the workspace model reads it
    /// (<see cref="Workspace.WorkspaceOptions.ServiceMains"/>).
    /// </summary>
    public string? Main { get; init; }

    /// <summary>
    /// The build context of the service's own Dockerfile: <c>service</c>, <c>root</c> or a folder relative to the
    /// monorepo (see <see cref="Affected.BuildContextSetting"/>); unset, it is inferred from the Dockerfile. Services
    /// whose Dockerfile is generated ignore it (their context is staged).
    /// </summary>
    public string? Context { get; init; }

    /// <summary>
    /// Globs of files the binary reads at run time (templates, static assets, config), relative to the service folder
    /// or, with a leading '/', to the monorepo root. Per service only; the workspace model reads them
    /// (<see cref="Workspace.WorkspaceOptions.ServiceExtraInputs"/>): they affect the service, enter its input hash and
    /// are copied into the image at <see cref="ExtraInputsPath"/>.
    /// </summary>
    public IReadOnlyList<string>? ExtraInputs { get; init; }

    /// <summary>The absolute folder in the image the extra inputs are copied to and the binary runs in (default <c>/srv</c>).</summary>
    public string? ExtraInputsPath { get; init; }

    public ImageSettings WithRuntime(string? runtime) => this with { Runtime = runtime };

    /// <summary>These settings, with anything unset here taken from <paramref name="fallback"/>.</summary>
    public ImageSettings Over(ImageSettings fallback) => new()
    {
        Runtime = Runtime ?? fallback.Runtime,
        CaCertificates = CaCertificates ?? fallback.CaCertificates,
        ZoneInfo = ZoneInfo ?? fallback.ZoneInfo,
        Version = Version ?? fallback.Version,
        VersionVariable = VersionVariable ?? fallback.VersionVariable,
        LdFlags = LdFlags ?? fallback.LdFlags,
        Source = Source ?? fallback.Source,
        Main = Main ?? fallback.Main,
        Context = Context ?? fallback.Context,
        ExtraInputs = ExtraInputs ?? fallback.ExtraInputs,
        ExtraInputsPath = ExtraInputsPath ?? fallback.ExtraInputsPath,
    };

    /// <summary>
    /// Options for a service that <paramref name="needs"/> the given runtime assets: the policies decide whether the
    /// needs are followed or overruled, the rest is copied over <paramref name="options"/>.
    /// </summary>
    public DockerfileOptions ApplyTo(DockerfileOptions options, RuntimeAssets needs)
    {
        var result = options;
        if (Runtime is not null) result = result.WithRuntimeBase(Runtime);
        result = result.WithCaCertificates((CaCertificates ?? CaCertificatesPolicy.Auto) switch
        {
            CaCertificatesPolicy.Always => true,
            CaCertificatesPolicy.Never => false,
            _ => needs.CaCertificates,
        });
        var zone = ZoneInfo ?? ZoneInfoPolicy.Auto;
        result = result
            .WithEmbeddedTimeZoneData(zone == ZoneInfoPolicy.Embed || (zone == ZoneInfoPolicy.Auto && needs.ZoneInfo))
            .WithZoneInfo(zone == ZoneInfoPolicy.Files);
        if (Version is not null || VersionVariable is not null) result = result.WithVersion(Version ?? result.Version, VersionVariable);
        if (LdFlags is not null) result = result.WithExtraLdFlags(LdFlags);
        if (Source is not null) result = result.WithImageSource(Source);
        if (ExtraInputsPath is not null) result = result.WithExtraInputsPath(ExtraInputsPath);
        return result;
    }
}
