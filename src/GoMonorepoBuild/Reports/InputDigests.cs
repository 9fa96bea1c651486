using System.Security.Cryptography;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// The SHA-256 of each input file of a service (paths relative to the monorepo root, '/'-separated), kept in the
/// report so the next run can say which files changed when the cache stopped helping.
/// </summary>
public static class InputDigests
{
    /// <summary>
    /// Hashes each path's content as <paramref name="open"/> gives it; a path it answers null for (the file is gone)
    /// is left out, so it reads as removed next time. Sorted ordinally so the JSON is stable.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Compute(IEnumerable<string> paths, Func<string, Stream?> open)
    {
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            using var stream = open(path);
            if (stream is null) continue;
            digests[path] = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        return digests;
    }

    /// <summary>Hashes files under <paramref name="root"/>.</summary>
    public static IReadOnlyDictionary<string, string> FromFolder(string root, IEnumerable<string> relativePaths) =>
        ForBuild(root, relativePaths, dockerfile: null);

    /// <summary>The key the Dockerfile a service was built from is recorded under (it is not always a file of the monorepo).</summary>
    public const string DockerfileKey = "<dockerfile>";

    /// <summary>
    /// The inputs of one image build: <paramref name="inputs"/> under <paramref name="root"/>, plus the Dockerfile
    /// (generated or the service's own) under <see cref="DockerfileKey"/>, so a changed Dockerfile is named as the
    /// reason for a miss instead of "nothing changed".
    /// </summary>
    public static IReadOnlyDictionary<string, string> ForBuild(string root, IEnumerable<string> inputs, string? dockerfile) =>
        Compute(dockerfile is null ? inputs : inputs.Append(DockerfileKey), path =>
        {
            var full = path == DockerfileKey ? dockerfile! : Path.Combine(root, path);
            return File.Exists(full) ? File.OpenRead(full) : null;
        });
}
