using System.Collections.Concurrent;
using GoMonorepoBuild.Engine.Api;

namespace GoMonorepoBuild.Engine;

/// <summary>
/// Each builder image's identity, once per run: from the inspection resolving the image made (<see cref="Record"/>),
/// else asked of the engine. Resolving already inspects the image, and a second inspection was ~3-9 ms on every run.
/// </summary>
internal sealed class RunBuilderIdentities
{
    readonly ConcurrentDictionary<string, ImageFacts> inspected = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, Lazy<Task<string>>> identities = new(StringComparer.Ordinal);

    /// <summary>Keeps the inspection <paramref name="resolved"/> carries, if any, for its identity; returns the image.</summary>
    public BuilderImageRef Record(InspectedBuilder resolved)
    {
        if (resolved.Facts is { } facts) inspected[resolved.Image.Reference] = facts;
        return resolved.Image;
    }

    /// <summary>The identity of <paramref name="reference"/>, computed once per run (the decisions may start it early).</summary>
    public Task<string> OfAsync(DockerEnvironment engine, string reference, CancellationToken cancellationToken) =>
        identities.GetOrAdd(reference, r => new Lazy<Task<string>>(() =>
            inspected.TryGetValue(r, out var facts) ? Task.FromResult(BuilderIdentity.Of(facts)) : BuilderIdentity.OfAsync(engine, r, cancellationToken))).Value;
}
