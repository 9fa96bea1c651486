namespace GoMonorepoBuild.Dockerfiles;

/// <summary>
/// The runtime stage's base, chosen by name (<c>scratch</c>, <c>distroless</c>, <c>alpine</c>) or as an image
/// reference. The kind decides what the generated Dockerfile must add: a bare <c>scratch</c> needs a user database,
/// CA bundle and zone files from the builder; distroless/static already has all three (its <c>nonroot</c> user is
/// the same 65532); alpine has users and a CA bundle but no zone files.
/// </summary>
public sealed record RuntimeImage(RuntimeImageKind Kind, string Reference)
{
    /// <summary>The distroless image for static binaries, in its non-root flavour.</summary>
    public const string DistrolessReference = "gcr.io/distroless/static-debian12:nonroot";

    public const string AlpineReference = "alpine:3.20";

    public static RuntimeImage Scratch { get; } = new(RuntimeImageKind.Scratch, "scratch");

    /// <summary>
    /// <c>scratch</c>, <c>distroless</c> and <c>alpine</c> by name; anything else is taken as an image reference of
    /// its own kind (<see cref="RuntimeImageKind.Other"/>), recognised as distroless or alpine by its repository name.
    /// </summary>
    public static RuntimeImage Parse(string nameOrReference)
    {
        var value = nameOrReference.Trim();
        if (value.Length == 0 || value.Any(char.IsWhiteSpace))
            throw new ArgumentException(
                $"The runtime image '{nameOrReference}' is neither scratch, distroless, alpine nor an image reference.");
        return value.ToLowerInvariant() switch
        {
            "scratch" => Scratch,
            "distroless" => new RuntimeImage(RuntimeImageKind.Distroless, DistrolessReference),
            "alpine" => new RuntimeImage(RuntimeImageKind.Alpine, AlpineReference),
            _ => new RuntimeImage(KindOfReference(value), value),
        };
    }

    static RuntimeImageKind KindOfReference(string reference)
    {
        var repository = reference.Split('@')[0];
        var lastSlash = repository.LastIndexOf('/');
        var colon = repository.IndexOf(':', lastSlash + 1);
        var path = colon < 0 ? repository : repository[..colon];
        var name = path[(lastSlash + 1)..];
        return path.Contains("distroless/", StringComparison.Ordinal) && name.StartsWith("static", StringComparison.Ordinal)
            ? RuntimeImageKind.Distroless
            : name == "alpine" ? RuntimeImageKind.Alpine
            : RuntimeImageKind.Other;
    }

    /// <summary>The base has no <c>/etc/passwd</c> of its own: the Dockerfile writes one with the non-root user.</summary>
    public bool NeedsUserDatabase => Kind is RuntimeImageKind.Scratch or RuntimeImageKind.Alpine;

    /// <summary>The base ships a CA bundle at <c>/etc/ssl/certs/ca-certificates.crt</c>.</summary>
    public bool HasCaCertificates => Kind is RuntimeImageKind.Distroless or RuntimeImageKind.Alpine;

    /// <summary>The base ships <c>/usr/share/zoneinfo</c>.</summary>
    public bool HasZoneInfo => Kind is RuntimeImageKind.Distroless;

    public override string ToString() => Reference;
}
