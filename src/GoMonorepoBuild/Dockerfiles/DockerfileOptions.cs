namespace GoMonorepoBuild.Dockerfiles;

/// <summary>
/// How generated Dockerfiles build and package a service. Immutable; start from <see cref="Default"/> and use the
/// <c>With*</c> methods. Secure, small defaults: a static binary on <c>scratch</c>, running as a non-root user.
/// </summary>
public sealed record DockerfileOptions
{
    public static DockerfileOptions Default { get; } = new();

    /// <summary>The Go builder image; null means <c>golang:&lt;service Go version&gt;</c>.</summary>
    public string? BuilderImage { get; init; }

    /// <summary>The runtime stage's base image.</summary>
    public string RuntimeBase { get; init; } = "scratch";

    /// <summary>Linker flags appended to <c>-s -w -buildid=</c>, e.g. <c>-X main.version=1.2.3</c>.</summary>
    public string ExtraLdFlags { get; init; } = "";

    /// <summary>Copy the builder's CA bundle into the image (needed for outgoing TLS from <c>scratch</c>).</summary>
    public bool IncludeCaCertificates { get; init; }

    /// <summary>Copy the builder's zoneinfo into the image (needed for <c>time.LoadLocation</c> from <c>scratch</c>).</summary>
    public bool IncludeZoneInfo { get; init; }

    /// <summary>
    /// Declare build args <c>VERSION</c>, <c>REVISION</c>, <c>CREATED</c>, <c>SOURCE</c> and label the image with
    /// them (<c>org.opencontainers.image.*</c>). Labels are image metadata, so changing them never re-runs a step.
    /// </summary>
    public bool IncludeMetadataLabels { get; init; }

    public string BuilderImageFor(ServiceBuildInput input) => BuilderImage ?? $"golang:{input.GoVersion}";

    public DockerfileOptions WithBuilderImage(string? image) => this with { BuilderImage = image };
    public DockerfileOptions WithRuntimeBase(string image) => this with { RuntimeBase = image };
    public DockerfileOptions WithExtraLdFlags(string flags) => this with { ExtraLdFlags = flags };
    public DockerfileOptions WithCaCertificates(bool include = true) => this with { IncludeCaCertificates = include };
    public DockerfileOptions WithZoneInfo(bool include = true) => this with { IncludeZoneInfo = include };
    public DockerfileOptions WithMetadataLabels(bool include = true) => this with { IncludeMetadataLabels = include };

    /// <summary>Throws <see cref="ArgumentException"/> when an option would break the generated Dockerfile.</summary>
    public void Validate()
    {
        if (BuilderImage is { } b && (b.Length == 0 || b.Any(char.IsWhiteSpace)))
            throw new ArgumentException($"The builder image '{b}' is not an image reference (empty or containing spaces).");
        if (RuntimeBase.Length == 0 || RuntimeBase.Any(char.IsWhiteSpace))
            throw new ArgumentException($"The runtime base image '{RuntimeBase}' is not an image reference (empty or containing spaces).");
        if (ExtraLdFlags.IndexOfAny(['"', '\'', '`', '$', '\\', '\n', '\r']) >= 0)
            throw new ArgumentException(
                $"The extra ldflags '{ExtraLdFlags}' contain a quote, '$', '`', '\\' or a line break, which the generated " +
                "Dockerfile cannot pass to 'go build' safely; use plain '-X pkg.name=value' flags.");
    }
}
