using System.Text.Json;
using GoMonorepoBuild.Engine.Api;

namespace GoMonorepoBuild.Buildx;

/// <summary>
/// What a run knew to exist in the engine, remembered for the next run: the images its lookups found and those its builds
/// loaded, with the engine's newest log entry from before it asked or built anything (<paramref name="From"/>). The next
/// run trusts an image only when the engine's log since that entry is unbroken (same engine, no restart, no entry lost to
/// its ~256-entry memory) and names neither the image's name nor its ID; everything else is asked again. Only images that
/// exist are kept: a missing image is built anyway.
/// </summary>
/// <param name="EngineId">The engine the answers came from (its <c>/info</c> ID).</param>
/// <param name="From">The engine's newest log entry before the answers were asked.</param>
/// <param name="Images">Image name to the image's ID and the revision its label said.</param>
internal sealed record ImageMemory(string EngineId, EngineEvent From, IReadOnlyDictionary<string, RememberedImage> Images)
{
    /// <summary>
    /// The remembered images still there as they were, by <paramref name="since"/> (the engine's log from <see cref="From"/>
    /// to now): none unless the log is unbroken and the engine the same; then all but those an image entry names (by name
    /// or ID: an untag, delete, load, ... of it). An image entry that names nothing (a prune's summary) may have
    /// touched any image: none then. A tag only gives one name to an image, so it drops only that name, and only when
    /// it gives it to another image than the one remembered: with the classic image store a build logs a tag for each
    /// name it loads, which confirms what that build made known (issue 19: the run after a build asks nothing). With the
    /// containerd store builds log nothing, but a build only ever adds or moves a name: the image a name names still exists.
    /// </summary>
    public IReadOnlyDictionary<string, RememberedImage> StillThere(EngineEventWindow since)
    {
        if (since.EngineId != EngineId || since.From != From || !since.Unbroken) return new Dictionary<string, RememberedImage>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        ILookup<string, string>? idsByName = null;
        foreach (var entry in since.After.Where(e => e.Type == "image"))
        {
            if (entry.Id.Length == 0 && entry.Name is null) return new Dictionary<string, RememberedImage>();
            if (entry is { Action: "tag", Name: { } tagged })
            {
                idsByName ??= Images.ToLookup(i => Familiar(i.Key), i => i.Value.Id, StringComparer.Ordinal);
                if (idsByName[Familiar(tagged)].Any(id => id != entry.Id)) named.Add(Familiar(tagged));
                continue;
            }
            named.Add(Familiar(entry.Id));
            if (entry.Name is not null) named.Add(Familiar(entry.Name));
        }
        return Images.Where(i => !named.Contains(Familiar(i.Key)) && !named.Contains(i.Value.Id))
            .ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// A name as the engine may log it: <c>docker.io/library/app:1</c> and <c>app:1</c> are one name (engines with the
    /// containerd image store log the long form).
    /// </summary>
    internal static string Familiar(string name)
    {
        foreach (var prefix in (string[])["docker.io/", "index.docker.io/"])
            if (name.StartsWith(prefix, StringComparison.Ordinal)) { name = name[prefix.Length..]; break; }
        return name.StartsWith("library/", StringComparison.Ordinal) ? name["library/".Length..] : name;
    }

    /// <summary>The memory in <paramref name="file"/>, or null when there is none or it cannot be read (then every image is asked).</summary>
    public static ImageMemory? Read(string file)
    {
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize(File.ReadAllBytes(file), ImageMemoryJsonContext.Default.ImageMemory) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the memory to <paramref name="file"/> whole (a new file moved over the old: a run reading it sees one or the other).</summary>
    public void Write(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var next = $"{file}.{Environment.ProcessId}.next";
        File.WriteAllBytes(next, JsonSerializer.SerializeToUtf8Bytes(this, ImageMemoryJsonContext.Default.ImageMemory));
        File.Move(next, file, overwrite: true);
    }

    /// <summary>
    /// Where the answers for one engine (<paramref name="engine"/> and <paramref name="dockerConfig"/>), monorepo and
    /// registry are remembered under <paramref name="temporaryDirectory"/>: runs against another engine or for another
    /// monorepo never read each other's.
    /// </summary>
    public static string FileFor(string temporaryDirectory, string engine, string? dockerConfig, string monorepo, string? registry)
    {
        var key = $"{engine}\n{dockerConfig}\n{monorepo}\n{registry}";
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
        return Path.Combine(temporaryDirectory, "image-lookups", digest[..16] + ".json");
    }

    /// <summary>Forgets what <paramref name="file"/> remembers (a run that rebuilds images it would not have asked about).</summary>
    public static void Forget(string file)
    {
        try { File.Delete(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
