using System.Collections.Concurrent;

namespace GoMonorepoBuild.Inputs;

/// <summary>Digests computed by reading each file once (thread-safe). Works anywhere, git or not.</summary>
public sealed class ContentDigests(string root) : IFileDigests
{
    readonly ConcurrentDictionary<string, string> known = new(StringComparer.Ordinal);

    public string Of(string relativePath) => known.GetOrAdd(relativePath, Read);

    string Read(string relativePath)
    {
        var path = Path.Combine(root, relativePath);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The image input {relativePath} does not exist under {root}.", path);
        return GitBlobId.OfFile(path);
    }
}
