using GoMonorepoBuild.Inputs;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// The content digest of each input file of a service (path relative to the monorepo root, '/'-separated → git's blob
/// id of the content, the digest <see cref="ServiceInputHash"/> is made of), kept in the report so the next run can say
/// which files changed when the cache stopped helping. A path whose file is gone is left out: it reads as removed.
/// </summary>
public static class InputDigests
{
    /// <summary>The key the Dockerfile a service was built from is recorded under (it is not always a file of the monorepo).</summary>
    public const string DockerfileKey = "<dockerfile>";

    /// <summary>
    /// The inputs of one image build through <paramref name="digests"/> (BuildChanged's <c>FileDigests</c>, which has
    /// already digested them for the input hash, so nothing is read twice), plus the Dockerfile (generated or the
    /// service's own) under <see cref="DockerfileKey"/>, so a changed Dockerfile is named as the reason for a miss.
    /// </summary>
    public static IReadOnlyDictionary<string, string> From(IFileDigests digests, IEnumerable<string> inputs, string? dockerfile) =>
        Collect(dockerfile is null ? inputs : inputs.Append(DockerfileKey), path =>
            path == DockerfileKey ? File.Exists(dockerfile) ? GitBlobId.OfFile(dockerfile) : null : TryOf(digests, path));

    /// <summary>As <see cref="From"/>, reading the files under <paramref name="root"/>.</summary>
    public static IReadOnlyDictionary<string, string> ForBuild(string root, IEnumerable<string> inputs, string? dockerfile) =>
        From(new ContentDigests(root), inputs, dockerfile);

    public static IReadOnlyDictionary<string, string> FromFolder(string root, IEnumerable<string> relativePaths) =>
        ForBuild(root, relativePaths, dockerfile: null);

    /// <summary>Digests each path's content as <paramref name="open"/> gives it (null: the file is gone).</summary>
    public static IReadOnlyDictionary<string, string> Compute(IEnumerable<string> paths, Func<string, Stream?> open) =>
        Collect(paths, path =>
        {
            using var stream = open(path);
            if (stream is null) return null;
            using var content = new MemoryStream();
            stream.CopyTo(content);
            return GitBlobId.Of(content.GetBuffer().AsSpan(0, (int)content.Length));
        });

    /// <summary>Sorted ordinally so the JSON is stable.</summary>
    static SortedDictionary<string, string> Collect(IEnumerable<string> paths, Func<string, string?> digestOf)
    {
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
            if (digestOf(path) is { } digest)
                digests[path] = digest;
        return digests;
    }

    static string? TryOf(IFileDigests digests, string path)
    {
        try
        {
            return digests.Of(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
