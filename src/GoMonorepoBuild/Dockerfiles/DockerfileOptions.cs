using System.Text.RegularExpressions;

namespace GoMonorepoBuild.Dockerfiles;

/// <summary>
/// How generated Dockerfiles build and package a service. Immutable; start from <see cref="Default"/> and use the
/// <c>With*</c> methods. Secure, small defaults: a static binary on <c>scratch</c>, running as a non-root user.
/// </summary>
public sealed partial record DockerfileOptions
{
    public static DockerfileOptions Default { get; } = new();

    /// <summary>The Go builder image; null means <c>golang:&lt;service Go version&gt;</c>.</summary>
    public string? BuilderImage { get; init; }

    /// <summary>The runtime stage's base: <c>scratch</c>, <c>distroless</c>, <c>alpine</c> or an image reference.</summary>
    public string RuntimeBase { get; init; } = "scratch";

    /// <summary>The runtime base resolved to an image and what it brings (see <see cref="RuntimeImage"/>).</summary>
    public RuntimeImage Runtime => RuntimeImage.Parse(RuntimeBase);

    /// <summary>Linker flags appended to <c>-s -w -buildid=</c>, e.g. <c>-X main.version=1.2.3</c>.</summary>
    public string ExtraLdFlags { get; init; } = "";

    /// <summary>Copy the builder's CA bundle into the image (needed for outgoing TLS from <c>scratch</c>).</summary>
    public bool IncludeCaCertificates { get; init; }

    /// <summary>
    /// Copy the builder's zoneinfo into the image (about 1.3 MB, 4 MB on disk; needed for <c>time.LoadLocation</c> from <c>scratch</c>).
    /// <see cref="EmbedTimeZoneData"/> is the small alternative.
    /// </summary>
    public bool IncludeZoneInfo { get; init; }

    /// <summary>
    /// Build with <c>-tags timetzdata</c>: the zone database is embedded in the binary (about 400 KB), so
    /// <c>time.LoadLocation</c> works on any base without zone files.
    /// </summary>
    public bool EmbedTimeZoneData { get; init; }

    /// <summary>
    /// A version stamped into the binary (<c>-X &lt;VersionVariable&gt;=&lt;Version&gt;</c>) and the default of the
    /// <c>org.opencontainers.image.version</c> label. It is part of the compile step, so it should change with releases,
    /// not with every commit (a per-commit value would rebuild every service on every commit).
    /// </summary>
    public string? Version { get; init; }

    /// <summary>The Go variable <see cref="Version"/> is stamped into (<c>-X</c> syntax: <c>import/path.name</c>).</summary>
    public string VersionVariable { get; init; } = "main.version";

    /// <summary>The default of the <c>org.opencontainers.image.source</c> label, e.g. the repository's URL.</summary>
    public string? ImageSource { get; init; }

    /// <summary>
    /// Declare build args <c>VERSION</c>, <c>REVISION</c>, <c>CREATED</c>, <c>SOURCE</c> and label the image with
    /// them (<c>org.opencontainers.image.*</c>). Labels are image metadata, so changing them never re-runs a step.
    /// </summary>
    public bool IncludeMetadataLabels { get; init; }

    /// <summary>
    /// Where a service's extra inputs go in the image (absolute), keeping their paths relative to the glob's base; the
    /// runtime stage's working directory too, so a binary reading <c>templates/</c> from its working directory finds them.
    /// Used only by services that have extra inputs.
    /// </summary>
    public string ExtraInputsPath { get; init; } = "/srv";

    public string BuilderImageFor(ServiceBuildInput input) => BuilderImage ?? $"golang:{input.GoVersion}";

    public DockerfileOptions WithBuilderImage(string? image) => this with { BuilderImage = image };
    public DockerfileOptions WithRuntimeBase(string image) => this with { RuntimeBase = image };
    public DockerfileOptions WithExtraLdFlags(string flags) => this with { ExtraLdFlags = flags };
    public DockerfileOptions WithCaCertificates(bool include = true) => this with { IncludeCaCertificates = include };
    public DockerfileOptions WithZoneInfo(bool include = true) => this with { IncludeZoneInfo = include };
    public DockerfileOptions WithMetadataLabels(bool include = true) => this with { IncludeMetadataLabels = include };
    public DockerfileOptions WithEmbeddedTimeZoneData(bool embed = true) => this with { EmbedTimeZoneData = embed };
    public DockerfileOptions WithVersion(string? version, string? variable = null) =>
        this with { Version = version, VersionVariable = variable ?? VersionVariable };
    public DockerfileOptions WithImageSource(string? source) => this with { ImageSource = source };
    public DockerfileOptions WithExtraInputsPath(string path) => this with { ExtraInputsPath = path };

    /// <summary>Throws <see cref="ArgumentException"/> when an option would break the generated Dockerfile.</summary>
    public void Validate()
    {
        if (BuilderImage is { } b && (b.Length == 0 || b.Any(char.IsWhiteSpace)))
            throw new ArgumentException($"The builder image '{b}' is not an image reference (empty or containing spaces).");
        _ = Runtime;
        if (ExtraLdFlags.IndexOfAny(['"', '\'', '`', '$', '\\', '\n', '\r']) >= 0)
            throw new ArgumentException(
                $"The extra ldflags '{ExtraLdFlags}' contain a quote, '$', '`', '\\' or a line break, which the generated " +
                "Dockerfile cannot pass to 'go build' safely; use plain '-X pkg.name=value' flags.");
        if (Version is { } v && !PlainValue().IsMatch(v))
            throw new ArgumentException(
                $"The version '{v}' may only use letters, digits and '.', '_', '+', '-' (e.g. '1.4.0' or '1.4.0-rc.1+abc').");
        if (!GoSymbol().IsMatch(VersionVariable))
            throw new ArgumentException(
                $"The version variable '{VersionVariable}' is not a Go variable as '-X' takes it, e.g. 'main.version' or 'example.com/app/build.Version'.");
        if (!ImagePath().IsMatch(ExtraInputsPath) || ExtraInputsPath.Split('/').Any(s => s is "." or ".."))
            throw new ArgumentException(
                $"The extra inputs path '{ExtraInputsPath}' is not an absolute folder in the image such as '/srv' or '/app/data' " +
                "(letters, digits and '/._-+@~', no '.' or '..' segments).");
        if (ImageSource is { } source && (source.Length == 0 || source.IndexOfAny(['"', '\'', '`', '$', '\\', ' ', '\n', '\r']) >= 0))
            throw new ArgumentException($"The image source '{source}' is not a plain URL (no spaces, quotes, '$', '`' or '\\').");
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._+-]*$")]
    private static partial Regex PlainValue();

    [GeneratedRegex(@"^(/[A-Za-z0-9._+@~-]+)+/?$|^/$")]
    private static partial Regex ImagePath();


    [GeneratedRegex(@"^[A-Za-z0-9._~/-]+\.[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex GoSymbol();
}
