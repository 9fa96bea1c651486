using GoMonorepoBuild.Engine.Api;

namespace GoMonorepoBuild.Buildx;

/// <summary>An image a run knew to exist (found by a lookup, or loaded by its build): its ID and the revision its label said.</summary>
/// <param name="Id">The engine's ID of the image: what its log names the image by (an untag, a delete).</param>
/// <param name="Revision">Its <c>org.opencontainers.image.revision</c> label, when it has one.</param>
internal sealed record RememberedImage(string Id, string? Revision)
{
    const string RevisionLabel = "org.opencontainers.image.revision";

    /// <summary>The image as the engine showed it (its inspection).</summary>
    public static RememberedImage Of(ImageFacts image) =>
        new(image.Id, image.Label(RevisionLabel) is { Length: > 0 } revision ? revision : null);

    /// <summary>
    /// What a build that loaded its image makes known of <paramref name="reference"/> (one of its tags): the image as the
    /// engine showed it right after the build, the very facts a lookup would have found. Only when the engine's answer
    /// is the image this build made (the ID is buildx's digest of it) and <paramref name="reference"/> is one of its
    /// names; else (not loaded, a name moved meanwhile, no digest) null, and the next run asks.
    /// </summary>
    public static RememberedImage? OfBuild(string reference, BuildOutcome outcome) =>
        outcome is { Succeeded: true, LoadedImage: { } image, Metadata.ImageDigest: { } digest }
        && image.Id == digest
        && image.RepoTags.Any(name => ImageMemory.Familiar(name) == ImageMemory.Familiar(reference))
            ? Of(image)
            : null;
}
