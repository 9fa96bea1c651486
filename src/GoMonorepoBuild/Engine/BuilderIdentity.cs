using System.Security.Cryptography;
using System.Text;

namespace GoMonorepoBuild.Engine;

/// <summary>
/// What identifies a builder image to everything keyed on it (input hashes, carried Go caches): its layers and run
/// settings. Not its id, which also covers its creation time: two runners that seed the same offline image get the
/// same layers but different ids, and must agree.
/// </summary>
public static class BuilderIdentity
{
    public static async Task<string> OfAsync(DockerEnvironment engine, string reference, CancellationToken cancellationToken)
    {
        var inspect = await engine.Docker().TryRunAsync(["image", "inspect", "--format",
            "{{json .RootFS.Layers}} {{json .Config.Env}} {{json .Config.WorkingDir}} {{json .Config.Entrypoint}} {{json .Config.Cmd}}",
            reference], cancellationToken);
        // An image the engine does not hold locally (a remote builder resolves it) is identified by its reference.
        return inspect.ExitCode == 0
            ? "layers:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(inspect.StandardOutput.Trim())))
            : reference;
    }
}
