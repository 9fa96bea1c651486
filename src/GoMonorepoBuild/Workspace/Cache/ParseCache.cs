using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GoMonorepoBuild.Workspace.Packages;

namespace GoMonorepoBuild.Workspace.Cache;

/// <summary>
/// Parse results kept between runs (issue 17: on a large tree the model's cost is reading thousands of unchanged
/// files): .go file headers by content id, and whole vendored packages by <see cref="PackageKey"/>. Every key is made from
/// bytes the loader read itself, so an entry can only be found again for the same content. The file on disk starts
/// with a format version and ends with a SHA-256 of what precedes it: a file of another version, cut short or altered is
/// ignored (and replaced by the next save). Each entry is stored as its key, its length and its encoded bytes: opening
/// the cache verifies the file and indexes the keys, and an entry is decoded only when a run asks for it (on moby a run
/// asks for about half of the ~11,000: the headers of vendored files whose whole package is found are never asked for).
/// A run that only added entries to a whole file appends them to its <see cref="ParseCacheJournal"/> (a few headers,
/// where the whole file is thousands); otherwise, or once the journal has grown, saving writes the whole file (the
/// entries it did not decode copied as they were read), through a temporary file and a rename, so a reader never sees
/// half a file; two runs saving at once each leave a whole file. Thread-safe.
/// </summary>
internal sealed class ParseCache
{
    // Raise whenever the scanner, the package rules or this layout change what an entry means. 4: entries stored with
    // their length, decoded on demand.
    const int FormatVersion = 4;
    // The version in a package key's text: the keys of a layout change stay those of version 3 (same meaning).
    const int KeyVersion = 3;
    const string Magic = "gomonorepobuild parse cache";
    // Past this many files the entries this run did not use are dropped on save.
    const int MaxFiles = 200_000;

    readonly string path;
    readonly ParseCacheJournal journal;
    // What this run added, for the journal: entries found in the file or the journal are not written again.
    readonly ConcurrentQueue<string> addedFiles = new();
    readonly ConcurrentQueue<string> addedPackages = new();
    // Whether the next save must write the whole file: missing, unreadable, damaged, or its journal damaged.
    bool rewrite;
    // Every entry by key, as read (its encoded bytes) or as added; decoded ones are kept in the maps below.
    // Sized by the file's counts when it is indexed (Index): grown entry by entry, the tables' rehashing was 6% of a
    // first analysis's profile on moby (BENCHMARKS.md, "Two figures behind code comments").
    ConcurrentDictionary<string, Encoded> fileEntries = new(StringComparer.Ordinal);
    ConcurrentDictionary<string, Encoded> packageEntries = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, CachedFile> files = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, CachedPackage> packages = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, byte> usedFiles = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, byte> usedPackages = new(StringComparer.Ordinal);
    volatile bool changed;
    int fileHits;
    int packageHits;
    int decoded;

    ParseCache(string path)
    {
        this.path = path;
        journal = new ParseCacheJournal(path);
    }

    /// <summary>Where the cache lives.</summary>
    public string Path => path;

    public int FileCount => fileEntries.Count;

    public int PackageCount => packageEntries.Count;

    /// <summary>Files found by a known id since the cache was opened (each a file not read).</summary>
    public int FileHits => fileHits;

    /// <summary>Vendored packages found since the cache was opened (each a folder not listed or read).</summary>
    public int PackageHits => packageHits;

    /// <summary>Entries decoded since the cache was opened (the others were only indexed).</summary>
    public int Decoded => decoded;

    /// <summary>The cache at <paramref name="path"/>; empty when the file is missing, unreadable, of another version or damaged.</summary>
    public static ParseCache Open(string path)
    {
        var cache = new ParseCache(System.IO.Path.GetFullPath(path));
        try
        {
            if (File.Exists(cache.path)) cache.Index(Verified(ReadAll(cache.path)));
            else cache.rewrite = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            cache.fileEntries.Clear();
            cache.packageEntries.Clear();
            cache.changed = cache.rewrite = true;
        }
        try
        {
            // Each whole record's entries count, whatever became of the file: they are keyed by content too.
            cache.journal.Read(cache.Index);
            if (cache.journal.Damaged) cache.changed = cache.rewrite = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            cache.changed = cache.rewrite = true;
        }
        return cache;
    }

    public bool TryFile(string id, string name, out GoSourceFile file)
    {
        if (files.TryGetValue(id, out var cached) || fileEntries.TryGetValue(id, out var encoded) && TryDecode(id, encoded, DecodeFile, files, out cached))
        {
            usedFiles.TryAdd(id, 0);
            Interlocked.Increment(ref fileHits);
            file = cached.ToSourceFile(name);
            return true;
        }
        file = null!;
        return false;
    }

    /// <summary>Keeps <paramref name="file"/>'s header under <paramref name="id"/>, the id of the bytes it was scanned from.</summary>
    public void AddFile(string id, GoSourceFile file)
    {
        usedFiles.TryAdd(id, 0);
        if (!fileEntries.TryAdd(id, default)) return;
        files[id] = CachedFile.From(file);
        addedFiles.Enqueue(id);
        changed = true;
    }

    public bool TryPackage(string key, out CachedPackage package)
    {
        if (packages.TryGetValue(key, out package!) || packageEntries.TryGetValue(key, out var encoded) && TryDecode(key, encoded, DecodePackage, packages, out package!))
        {
            usedPackages.TryAdd(key, 0);
            Interlocked.Increment(ref packageHits);
            return true;
        }
        return false;
    }

    public void AddPackage(string key, CachedPackage package)
    {
        usedPackages.TryAdd(key, 0);
        if (!packageEntries.TryAdd(key, default)) return;
        packages[key] = package;
        addedPackages.Enqueue(key);
        changed = true;
    }

    /// <summary>
    /// Decodes an entry read from disk. Its bytes were verified with the rest of their file or record, so an entry that
    /// does not decode is a defect, not damage; it is then a miss (and dropped), never an error of the run.
    /// </summary>
    bool TryDecode<T>(string key, Encoded encoded, Func<BinaryReader, T> decode, ConcurrentDictionary<string, T> decodedEntries, out T value)
    {
        value = default!;
        if (encoded.Buffer is null) return false; // added by another thread, not yet in the decoded map
        try
        {
            using var reader = new BinaryReader(new MemoryStream(encoded.Buffer, encoded.Offset, encoded.Length, writable: false), Encoding.UTF8);
            value = decode(reader);
            if (reader.BaseStream.Position != encoded.Length) throw new InvalidDataException("trailing bytes");
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException or FormatException or DecoderFallbackException)
        {
            (typeof(T) == typeof(CachedFile) ? fileEntries : packageEntries).TryRemove(key, out _);
            changed = rewrite = true;
            return false;
        }
        Interlocked.Increment(ref decoded);
        value = decodedEntries.GetOrAdd(key, value);
        return true;
    }

    /// <summary>
    /// The key of a vendored package: everything its model depends on when its folder holds no link and its files no
    /// embed pattern (the only cases cached): where it is, the module modules.txt gives it, the target platforms, and
    /// the folder's entries with the content ids of its files.
    /// </summary>
    public static string PackageKey(string importPath, string module, string dir, string problemDir, IReadOnlyList<TargetPlatform> platforms,
        IEnumerable<ContentEntry> entries)
    {
        // A run looks up some 1,800 vendored packages (moby's dockerd): the key's text goes straight into one pooled
        // buffer, hashed in one call, rather than through a string builder, a string and its UTF-8 copy each, whose
        // garbage cost more than the hashing. The bytes hashed are the same as before, so keys stay valid.
        var sorted = entries.ToArray();
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        var header = $"{KeyVersion}\n{importPath}\n{module}\n{dir}\n{problemDir}\n{string.Join(',', platforms)}\n";
        var length = Encoding.UTF8.GetMaxByteCount(header.Length);
        foreach (var entry in sorted) length += Encoding.UTF8.GetMaxByteCount(entry.Name.Length + (entry.Id?.Length ?? 0) + 4);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var used = Encoding.UTF8.GetBytes(header, buffer);
            foreach (var entry in sorted)
            {
                used += Encoding.UTF8.GetBytes(entry.Name, buffer.AsSpan(used));
                buffer[used++] = 0;
                buffer[used++] = (byte)(entry.IsLink ? 'l' : 'f');
                buffer[used++] = 0;
                if (entry.Id is not null) used += Encoding.UTF8.GetBytes(entry.Id, buffer.AsSpan(used));
                buffer[used++] = (byte)'\n';
            }
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, used), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Keeps what this run added: appended to the journal when the file was whole and the journal is small, else the
    /// whole file written; a failure to write only costs the next run its speed.
    /// </summary>
    public void Save()
    {
        if (!changed) return;
        var keepAll = fileEntries.Count <= MaxFiles;
        if (!rewrite && keepAll && journal.Length < ParseCacheJournal.MaxBytes)
        {
            if (journal.Append(Payload(addedFiles.ToList(), addedPackages.ToList())))
            {
                addedFiles.Clear();
                addedPackages.Clear();
                changed = false;
                return;
            }
        }
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            var payload = Payload(fileEntries.Keys.Where(f => keepAll || usedFiles.ContainsKey(f)).ToList(),
                packageEntries.Keys.Where(p => keepAll || usedPackages.ContainsKey(p)).ToList());
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                file.Write(payload);
                file.Write(SHA256.HashData(payload));
            }
            File.Move(temp, path, overwrite: true);
            // The whole file now holds what the journal held (read at open) and what this run added.
            journal.Delete();
            addedFiles.Clear();
            addedPackages.Clear();
            changed = rewrite = false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (Exception again) when (again is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// The entries <paramref name="fileKeys"/> and <paramref name="packageKeys"/> name in the file's layout (magic,
    /// version, then files and packages, each its key, its length and its bytes), not yet sealed: the whole file's or a
    /// journal record's. An entry read from disk is copied as it was read, one added is encoded.
    /// </summary>
    ReadOnlySpan<byte> Payload(List<string> fileKeys, List<string> packageKeys)
    {
        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            WriteEntries(writer, fileKeys, fileEntries, files, EncodeFile);
            WriteEntries(writer, packageKeys, packageEntries, packages, EncodePackage);
        }
        return stream.GetBuffer().AsSpan(0, (int)stream.Length);
    }

    static void WriteEntries<T>(BinaryWriter writer, List<string> keys, ConcurrentDictionary<string, Encoded> read, ConcurrentDictionary<string, T> decoded,
        Action<BinaryWriter, T> encode)
    {
        writer.Write(keys.Count);
        using var scratch = new MemoryStream();
        using var scratchWriter = new BinaryWriter(scratch, Encoding.UTF8, leaveOpen: true);
        foreach (var key in keys)
        {
            writer.Write(key);
            if (read.TryGetValue(key, out var encoded) && encoded.Buffer is not null)
            {
                writer.Write(encoded.Length);
                writer.Write(encoded.Buffer, encoded.Offset, encoded.Length);
                continue;
            }
            scratch.SetLength(0);
            encode(scratchWriter, decoded[key]);
            scratchWriter.Flush();
            writer.Write((int)scratch.Length);
            writer.Write(scratch.GetBuffer(), 0, (int)scratch.Length);
        }
    }

    static void EncodeFile(BinaryWriter writer, CachedFile file)
    {
        writer.Write(file.PackageName);
        writer.Write(file.Imports.Count);
        foreach (var import in file.Imports)
        {
            writer.Write(import.Path);
            PackageCodec.WriteNullable(writer, import.Alias);
            writer.Write(import.Line);
        }
        PackageCodec.WriteNullable(writer, file.Constraint);
        writer.Write(file.EmbedPatterns.Count);
        foreach (var embed in file.EmbedPatterns)
        {
            writer.Write(embed.Pattern);
            writer.Write(embed.Line);
        }
    }

    static CachedFile DecodeFile(BinaryReader reader)
    {
        var packageName = reader.ReadString();
        var imports = new GoImport[PackageCodec.Count(reader)];
        for (var j = 0; j < imports.Length; j++) imports[j] = new GoImport(reader.ReadString(), PackageCodec.ReadNullable(reader), reader.ReadInt32());
        var constraint = PackageCodec.ReadNullable(reader);
        var embeds = new EmbedPattern[PackageCodec.Count(reader)];
        for (var j = 0; j < embeds.Length; j++) embeds[j] = new EmbedPattern(reader.ReadString(), reader.ReadInt32());
        return new CachedFile(packageName, imports, constraint, embeds);
    }

    static void EncodePackage(BinaryWriter writer, CachedPackage cached)
    {
        PackageCodec.Write(writer, cached.Package);
        PackageCodec.WriteList(writer, cached.Warnings);
        PackageCodec.WriteList(writer, cached.RegularFiles);
    }

    static CachedPackage DecodePackage(BinaryReader reader) =>
        new(PackageCodec.Read(reader), PackageCodec.ReadList(reader), PackageCodec.ReadList(reader));

    /// <summary>The whole file in one array (verified and indexed at once; its entries are decoded from it later).</summary>
    static byte[] ReadAll(string file)
    {
        using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = RandomAccess.GetLength(handle);
        if (length > int.MaxValue / 2) throw new InvalidDataException("too large");
        var bytes = GC.AllocateUninitializedArray<byte>((int)length);
        var total = 0;
        while (total < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(total), total) is var n and > 0) total += n;
        if (total != bytes.Length) throw new InvalidDataException("cut short while read");
        return bytes;
    }

    /// <summary>The payload of a sealed file's bytes (<see cref="PackageCodec.Sealed"/>); throws when its SHA-256 does not match.</summary>
    static ArraySegment<byte> Verified(byte[] bytes)
    {
        const int hashLength = 32;
        if (bytes.Length < hashLength) throw new InvalidDataException("too short");
        var payload = new ArraySegment<byte>(bytes, 0, bytes.Length - hashLength);
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(bytes.AsSpan(payload.Count))) throw new InvalidDataException("checksum");
        return payload;
    }

    /// <summary>Indexes the entries of a verified payload (the whole file's or a journal record's): keys read, bytes kept for later.</summary>
    void Index(ArraySegment<byte> payload)
    {
        var reader = new EntryReader(payload);
        if (reader.Key() != Magic || reader.Int() != FormatVersion) throw new InvalidDataException("another format");
        var fileCount = reader.Int();
        if (fileEntries.IsEmpty) fileEntries = Sized(fileCount);
        for (var count = fileCount; count > 0; count--) fileEntries[reader.Key()] = reader.Entry();
        var packageCount = reader.Int();
        if (packageEntries.IsEmpty) packageEntries = Sized(packageCount);
        for (var count = packageCount; count > 0; count--) packageEntries[reader.Key()] = reader.Entry();
        if (!reader.AtEnd) throw new InvalidDataException("trailing bytes");
    }

    /// <summary>A table for <paramref name="count"/> entries (a damaged count only costs the rehashing it would have saved).</summary>
    static ConcurrentDictionary<string, Encoded> Sized(int count) =>
        new(Environment.ProcessorCount, Math.Min(count, MaxFiles) + 1, StringComparer.Ordinal);

    /// <summary>An entry's encoded bytes inside a file's or record's buffer; a default one was added by this run.</summary>
    readonly record struct Encoded(byte[]? Buffer, int Offset, int Length);

    /// <summary>Reads the layout's keys (BinaryWriter's length-prefixed UTF-8), counts and entries; anything out of bounds is damage.</summary>
    struct EntryReader(ArraySegment<byte> payload)
    {
        int position;

        public readonly bool AtEnd => position == payload.Count;

        public int Int()
        {
            if (payload.Count - position < sizeof(int)) throw new InvalidDataException("cut short");
            var value = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(position));
            position += sizeof(int);
            return value >= 0 ? value : throw new InvalidDataException("bad count");
        }

        public string Key()
        {
            int length = 0, shift = 0;
            byte b;
            do
            {
                if (position >= payload.Count || shift > 28) throw new InvalidDataException("bad length");
                b = payload[position++];
                length |= (b & 0x7f) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            var bytes = Take(length);
            return Encoding.UTF8.GetString(payload.Array!, bytes.Offset, bytes.Length);
        }

        public Encoded Entry()
        {
            var bytes = Take(Int());
            return new Encoded(payload.Array!, bytes.Offset, bytes.Length);
        }

        Encoded Take(int length)
        {
            if (length < 0 || length > payload.Count - position) throw new InvalidDataException("cut short");
            var taken = new Encoded(payload.Array!, payload.Offset + position, length);
            position += length;
            return taken;
        }
    }
}
