using System.Collections.Concurrent;

namespace GoMonorepoBuild.Inputs;

/// <summary>
/// Digests computed by reading each file once (thread-safe). Works anywhere, git or not. A linked input is hashed by
/// the content it points to inside the monorepo (what the build reads); a link out of it is an
/// <see cref="Workspace.OutsideMonorepoException"/>, never read.
/// </summary>
public sealed class ContentDigests(string root) : IFileDigests
{
    readonly ConcurrentDictionary<string, string> known = new(StringComparer.Ordinal);
    readonly Workspace.MonorepoFiles files = new(root);

    public string Of(string relativePath) => known.GetOrAdd(relativePath, Read);

    string Read(string relativePath)
    {
        var path = files.Resolve(relativePath);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The image input {relativePath} does not exist under {files.Root}.", path);
        return GitBlobId.OfFile(files.ReadablePath(relativePath));
    }
}
