using System.Security.Cryptography;
using System.Text;
using GoMonorepoBuild.Engine.Api;

namespace GoMonorepoBuild.Engine;

/// <summary>
/// What identifies a builder image to everything keyed on it (input hashes, carried Go caches): its layers and run
/// settings. Not its id, which also covers its creation time: two runners that seed the same offline image get the
/// same layers but different ids, and must agree.
/// </summary>
public static class BuilderIdentity
{
    public static async Task<string> OfAsync(DockerEnvironment engine, string reference, CancellationToken cancellationToken) =>
        // An image the engine does not hold locally (a remote builder resolves it) is identified by its reference.
        await engine.Api().InspectImageAsync(reference, cancellationToken) is { } image ? Of(image) : reference;

    public static string Of(ImageFacts image) =>
        "layers:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Described(image))));

    /// <summary>
    /// The text hashed, byte for byte what <c>docker image inspect --format '{{json .RootFS.Layers}} {{json .Config.Env}}
    /// {{json .Config.WorkingDir}} {{json .Config.Entrypoint}} {{json .Config.Cmd}}'</c> printed when the CLI was asked:
    /// identities (and so every input hash and carried cache key) stay what earlier runs computed.
    /// </summary>
    internal static string Described(ImageFacts image) =>
        string.Join(' ', GoJson.Array(image.Layers), GoJson.Array(image.Env), GoJson.String(image.WorkingDir),
            GoJson.Array(image.Entrypoint), GoJson.Array(image.Cmd));
}
