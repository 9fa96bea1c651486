using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace GoMonorepoBuild.Workspace.Cache;

/// <summary>
/// The vendored part of services' closures kept across runs (issue 17 item 5: on moby, dockerd's ~1,800 vendored packages
/// were the biggest part of a first analysis at a new commit, though vendor/ rarely changes): per key only the closure's
/// package names, files and warnings, which is all a service keeps of it, so reusing one decodes no package.
/// <para>The key (<see cref="Vendor.VendorClosureKey"/>) is made from the caller's keys (git's index), which describe the files
/// only when the checkout is clean. So a closure computed in a load is only <see cref="Propose">proposed</see>; the caller
/// <see cref="Commit"/>s the proposals once it knows the checkout was clean while the model loaded, and otherwise they
/// are dropped. A lookup is safe without that knowledge: a model loaded with such keys is used only when the checkout is
/// clean. The file starts with a format version and ends with a SHA-256; anything else is no entry. A few entries are
/// kept (the latest first), a failure to read or write only costs speed. Thread-safe.</para>
/// </summary>
internal sealed class VendorClosures(string file)
{
    const string Magic = "gomonorepobuild vendor closures";
    const int FormatVersion = 1;
    const int Kept = 8;

    /// <summary>What a service keeps of a vendored closure: import paths and files (both sorted), and its packages' warnings.</summary>
    public sealed record Entry(IReadOnlyList<string> Packages, IReadOnlyList<string> Files, IReadOnlyList<string> Warnings);

    readonly Lazy<List<(string Key, Entry Entry)>> stored = new(() => Read(file));
    readonly ConcurrentDictionary<string, Entry> proposed = new(StringComparer.Ordinal);

    /// <summary>The kept file, beside the parse cache (and gone with it when that folder is deleted).</summary>
    public static string FileBeside(string parseCacheFile) => Path.Combine(Path.GetDirectoryName(parseCacheFile)!, "vendor-closures.bin");

    public bool HasProposals => !proposed.IsEmpty;

    int hits;

    /// <summary>How many lookups found a kept closure (tests and measurements).</summary>
    public int Hits => hits;

    public bool TryGet(string key, out Entry entry)
    {
        foreach (var (k, e) in stored.Value)
            if (k == key)
            {
                Interlocked.Increment(ref hits);
                entry = e;
                return true;
            }
        entry = null!;
        return false;
    }

    /// <summary>A closure computed from the files the key describes, if the checkout proves clean (<see cref="Commit"/>).</summary>
    public void Propose(string key, Entry entry) => proposed[key] = entry;

    /// <summary>Keeps the proposals: the caller knows the files they were read from are the ones their keys describe.</summary>
    public void Commit()
    {
        if (proposed.IsEmpty) return;
        var entries = proposed.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        entries.AddRange(stored.Value.Where(s => !proposed.ContainsKey(s.Key)));
        Write(file, entries.Take(Kept).ToList());
        proposed.Clear();
    }

    static List<(string Key, Entry Entry)> Read(string file)
    {
        try
        {
            if (!File.Exists(file)) return [];
            var bytes = File.ReadAllBytes(file);
            if (bytes.Length < 32) return [];
            var body = bytes.AsSpan(0, bytes.Length - 32);
            if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32))) return [];
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, body.Length), Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion) return [];
            var entries = new List<(string, Entry)>();
            for (var n = reader.ReadInt32(); n > 0; n--)
                entries.Add((reader.ReadString(), new Entry(Strings(reader), Strings(reader), Strings(reader))));
            return entries;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or DecoderFallbackException)
        {
            return [];
        }
    }

    static string[] Strings(BinaryReader reader)
    {
        var items = new string[reader.ReadInt32()];
        for (var i = 0; i < items.Length; i++) items[i] = reader.ReadString();
        return items;
    }

    static void Write(string file, List<(string Key, Entry Entry)> entries)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(entries.Count);
            foreach (var (key, entry) in entries)
            {
                writer.Write(key);
                foreach (var list in new[] { entry.Packages, entry.Files, entry.Warnings })
                {
                    writer.Write(list.Count);
                    foreach (var item in list) writer.Write(item);
                }
            }
        }
        stream.Write(SHA256.HashData(stream.GetBuffer().AsSpan(0, (int)stream.Length)));
        var temp = $"{file}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(temp, stream.ToArray());
            File.Move(temp, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (Exception again) when (again is IOException or UnauthorizedAccessException) { }
        }
    }
}
