using System.Collections.Immutable;

namespace GoMonorepoBuild.GoCache;

/// <summary>
/// What a carried Go cache archive is good for: the archive format, the builder images whose Go wrote it and the
/// target platforms. An archive is seeded only into a run with an equal key. GOCACHE entries are content-addressed by
/// Go itself (inputs, flags, Go version, GOOS/GOARCH), so even a mismatched cache could not yield a wrong binary; the
/// key keeps a runner from unpacking hundreds of megabytes it cannot use (and a future format it cannot read).
/// </summary>
/// <param name="Format">The archive layout version (<see cref="CurrentFormat"/> when written by this version).</param>
/// <param name="BuilderImages">Each builder image's identity (see <see cref="GoCacheTransfer.BuilderIdentityAsync"/>), sorted.</param>
/// <param name="Platforms">The target platforms, e.g. <c>linux/amd64</c>, sorted.</param>
public sealed record GoCacheKey(int Format, ImmutableList<string> BuilderImages, ImmutableList<string> Platforms)
{
    /// <summary>Bumped whenever the archive's layout changes, so older archives are ignored, never misread.</summary>
    public const int CurrentFormat = 1;

    public static GoCacheKey For(IEnumerable<string> builderImages, IEnumerable<string> platforms) =>
        new(CurrentFormat, Sorted(builderImages), Sorted(platforms));

    public GoCacheKey WithBuilderImages(IEnumerable<string> builderImages) => this with { BuilderImages = Sorted(builderImages) };
    public GoCacheKey WithPlatforms(IEnumerable<string> platforms) => this with { Platforms = Sorted(platforms) };

    /// <summary>One line, stable for equal keys: also usable as a CI cache key suffix.</summary>
    public override string ToString() =>
        $"format {Format}; builders {string.Join(", ", BuilderImages)}; platforms {string.Join(", ", Platforms)}";

    /// <summary>Null when the keys are equal; otherwise the first difference, worded for a log line.</summary>
    public string? DifferenceFrom(GoCacheKey wanted)
    {
        if (Format != wanted.Format)
            return $"archive format {Format}, this version reads format {wanted.Format}";
        if (!BuilderImages.SequenceEqual(wanted.BuilderImages))
            return $"made with builder image(s) {List(BuilderImages)}, this run builds with {List(wanted.BuilderImages)}";
        if (!Platforms.SequenceEqual(wanted.Platforms))
            return $"made for platform(s) {List(Platforms)}, this run builds for {List(wanted.Platforms)}";
        return null;
    }

    public bool Equals(GoCacheKey? other) => other is not null && other.DifferenceFrom(this) is null;

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    static string List(IEnumerable<string> items) => string.Join(", ", items) is { Length: > 0 } text ? text : "(none)";

    static ImmutableList<string> Sorted(IEnumerable<string> items) =>
        [.. items.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
