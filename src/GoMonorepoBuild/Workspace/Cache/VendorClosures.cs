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
/// <para>An entry is some 10,000 strings on moby and the file holds several: a lookup decodes only the entry it finds, and
/// a commit copies the others' bytes as they are and writes the new ones straight to the file. Decoding every entry and
/// building the file in memory cost a tenth of a first analysis after a vendor/ change, mostly in the collections those
/// allocations set off, each moving the run's whole live model (BENCHMARKS.md, "Vendored closures, read and written in place").</para>
/// </summary>
internal sealed class VendorClosures(string file)
{
    const string Magic = "gomonorepobuild vendor closures";
    const int FormatVersion = 2;
    const int Kept = 8;

    /// <summary>What a service keeps of a vendored closure: import paths and files (both sorted), and its packages' warnings.</summary>
    public sealed record Entry(IReadOnlyList<string> Packages, IReadOnlyList<string> Files, IReadOnlyList<string> Warnings);

    /// <summary>The file as read: its bytes, and each entry's key and where its encoded body lies in them.</summary>
    sealed record Stored(byte[] Bytes, IReadOnlyList<(string Key, int Offset, int Length)> Entries)
    {
        public static readonly Stored None = new([], []);
    }

    readonly Lazy<Stored> stored = new(() => Read(file));
    readonly ConcurrentDictionary<string, (Entry Entry, bool DescribedByKeys)> proposed = new(StringComparer.Ordinal);

    /// <summary>The kept file, beside the parse cache (and gone with it when that folder is deleted).</summary>
    public static string FileBeside(string parseCacheFile) => Path.Combine(Path.GetDirectoryName(parseCacheFile)!, "vendor-closures.bin");

    public bool HasProposals => !proposed.IsEmpty;

    /// <summary>
    /// Whether a proposal may only be kept once the checkout proves clean: one read from files the keys did not vouch for
    /// (<see cref="Vendor.VendorTree.DescribedByKeys"/>). The others are closures of the files the keys describe, whatever
    /// the checkout holds.
    /// </summary>
    public bool NeedsCleanCheckout => proposed.Values.Any(p => !p.DescribedByKeys);

    int hits;

    /// <summary>How many lookups found a kept closure (tests and measurements).</summary>
    public int Hits => hits;

    public bool TryGet(string key, out Entry entry)
    {
        var kept = stored.Value;
        foreach (var (k, offset, length) in kept.Entries)
            if (k == key && Decode(kept.Bytes, offset, length) is { } found)
            {
                Interlocked.Increment(ref hits);
                entry = found;
                return true;
            }
        entry = null!;
        return false;
    }

    /// <summary>
    /// A closure computed under <paramref name="key"/>, to keep (<see cref="Commit"/>) if the checkout proves clean, or at
    /// once when <paramref name="describedByKeys"/> (every file it was read from is as the keys describe it).
    /// </summary>
    public void Propose(string key, Entry entry, bool describedByKeys = false) => proposed[key] = (entry, describedByKeys);

    /// <summary>Keeps the proposals: the caller knows the files they were read from are the ones their keys describe.</summary>
    public void Commit()
    {
        if (proposed.IsEmpty) return;
        var fresh = proposed.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value.Entry)).ToList();
        var kept = stored.Value;
        var others = kept.Entries.Where(s => !proposed.ContainsKey(s.Key)).Take(Math.Max(0, Kept - fresh.Count)).ToList();
        Write(file, fresh.Take(Kept).ToList(), kept.Bytes, others);
        proposed.Clear();
    }

    static Stored Read(string file)
    {
        try
        {
            if (!File.Exists(file)) return Stored.None;
            var bytes = File.ReadAllBytes(file);
            if (bytes.Length < 32) return Stored.None;
            var body = bytes.Length - 32;
            if (!SHA256.HashData(bytes.AsSpan(0, body)).AsSpan().SequenceEqual(bytes.AsSpan(body))) return Stored.None;
            using var stream = new MemoryStream(bytes, 0, body, writable: false);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion) return Stored.None;
            var entries = new List<(string, int, int)>();
            for (var n = reader.ReadInt32(); n > 0; n--)
            {
                var key = reader.ReadString();
                var length = reader.ReadInt32();
                var offset = (int)stream.Position;
                if (length < 0 || offset + length > body) return Stored.None;
                entries.Add((key, offset, length));
                stream.Position = offset + length;
            }
            return new Stored(bytes, entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or DecoderFallbackException)
        {
            return Stored.None;
        }
    }

    /// <summary>An entry's body: its three string lists; null when it does not decode to exactly its length (no entry).</summary>
    static Entry? Decode(byte[] bytes, int offset, int length)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, offset, length, writable: false), Encoding.UTF8);
            var entry = new Entry(Strings(reader), Strings(reader), Strings(reader));
            return reader.BaseStream.Position == length ? entry : null;
        }
        catch (Exception e) when (e is EndOfStreamException or DecoderFallbackException or IOException)
        {
            return null;
        }
    }

    static string[] Strings(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > reader.BaseStream.Length) throw new EndOfStreamException();
        var items = new string[count];
        for (var i = 0; i < items.Length; i++) items[i] = reader.ReadString();
        return items;
    }

    /// <summary>The bytes <see cref="BinaryWriter"/> writes for an entry's body, so its length can precede it in the file.</summary>
    static int BodyLength(Entry entry)
    {
        var length = 0;
        foreach (var list in new[] { entry.Packages, entry.Files, entry.Warnings })
        {
            length += sizeof(int);
            foreach (var item in list)
            {
                var bytes = Encoding.UTF8.GetByteCount(item);
                length += bytes + (bytes < 1 << 7 ? 1 : bytes < 1 << 14 ? 2 : bytes < 1 << 21 ? 3 : bytes < 1 << 28 ? 4 : 5);
            }
        }
        return length;
    }

    static void Write(string file, List<KeyValuePair<string, Entry>> fresh, byte[] keptBytes, List<(string Key, int Offset, int Length)> others)
    {
        var temp = $"{file}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16))
            {
                using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
                {
                    writer.Write(Magic);
                    writer.Write(FormatVersion);
                    writer.Write(fresh.Count + others.Count);
                    foreach (var (key, entry) in fresh)
                    {
                        writer.Write(key);
                        var length = BodyLength(entry);
                        writer.Write(length);
                        var start = stream.Position;
                        foreach (var list in new[] { entry.Packages, entry.Files, entry.Warnings })
                        {
                            writer.Write(list.Count);
                            foreach (var item in list) writer.Write(item);
                        }
                        // A body of another length than announced would make every later entry unreadable: write no file.
                        if (stream.Position - start != length) throw new IOException("a vendored closure's encoded length was miscounted");
                    }
                    foreach (var (key, offset, length) in others)
                    {
                        writer.Write(key);
                        writer.Write(length);
                        writer.Write(keptBytes, offset, length);
                    }
                }
                // The digest of what was written, read back through the file's buffer rather than kept in memory.
                stream.Flush();
                stream.Position = 0;
                var digest = SHA256.HashData(stream);
                stream.Write(digest);
            }
            File.Move(temp, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (Exception again) when (again is IOException or UnauthorizedAccessException) { }
        }
    }
}
