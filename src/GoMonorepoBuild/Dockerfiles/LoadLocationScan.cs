using System.Collections.Concurrent;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Dockerfiles;

/// <summary>
/// One run's answers to "does this .go file mention <c>LoadLocation</c>?" (see <see cref="RuntimeAssets"/>), each file
/// read once however many services build it: a library shared by 500 services was read 500 times per run, which made
/// the scan most of the input hashes' time. Thread-safe; a file changed during the run keeps its first answer, as the
/// hash of that run keeps its first digest.
/// </summary>
public sealed class LoadLocationScan(MonorepoFiles files)
{
    readonly ConcurrentDictionary<string, bool> mentions = new(StringComparer.Ordinal);

    /// <summary>Whether the file at <paramref name="relativePath"/> (relative to the monorepo) mentions LoadLocation.</summary>
    public bool Mentions(string relativePath) =>
        mentions.GetOrAdd(relativePath, path => RuntimeAssets.MentionsLoadLocation(files.ReadAllText(path)));
}
