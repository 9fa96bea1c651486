using System.Buffers;
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
/// ignored (and replaced by the next save). A run that only added entries to a whole file appends them to its
/// <see cref="ParseCacheJournal"/> (a few headers, where the whole file is thousands); otherwise, or once the journal has
/// grown, saving writes the whole file, through a temporary file and a rename, so a reader never sees half a file; two
/// runs saving at once each leave a whole file. Thread-safe.
/// </summary>
internal sealed class ParseCache
{
    // Raise whenever the scanner, the package rules or this layout change what an entry means.
    const int FormatVersion = 3;
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
    readonly ConcurrentDictionary<string, CachedFile> files = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, CachedPackage> packages = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, byte> usedFiles = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, byte> usedPackages = new(StringComparer.Ordinal);
    volatile bool changed;
    int fileHits;
    int packageHits;

    ParseCache(string path)
    {
        this.path = path;
        journal = new ParseCacheJournal(path);
    }

    /// <summary>Where the cache lives.</summary>
    public string Path => path;

    public int FileCount => files.Count;

    public int PackageCount => packages.Count;

    /// <summary>Files found by a known id since the cache was opened (each a file not read).</summary>
    public int FileHits => fileHits;

    /// <summary>Vendored packages found since the cache was opened (each a folder not listed or read).</summary>
    public int PackageHits => packageHits;

    /// <summary>The cache at <paramref name="path"/>; empty when the file is missing, unreadable, of another version or damaged.</summary>
    public static ParseCache Open(string path)
    {
        var cache = new ParseCache(System.IO.Path.GetFullPath(path));
        try
        {
            if (File.Exists(cache.path))
            {
                // Streamed, not one 3.6 MB array (SealedFileReader); what was decoded is dropped below unless it verifies.
                using var sealedFile = new SealedFileReader(cache.path);
                cache.Read(new BinaryReader(sealedFile.Payload, Encoding.UTF8, leaveOpen: true));
                sealedFile.Verify();
            }
            else cache.rewrite = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or EndOfStreamException
                                      or ArgumentException or FormatException or DecoderFallbackException)
        {
            cache.files.Clear();
            cache.packages.Clear();
            cache.changed = cache.rewrite = true;
        }
        try
        {
            // Each whole record's entries count, whatever became of the file: they are keyed by content too.
            cache.journal.Read(cache.Read);
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
        if (files.TryGetValue(id, out var cached))
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
        if (!files.TryAdd(id, CachedFile.From(file))) return;
        addedFiles.Enqueue(id);
        changed = true;
    }

    public bool TryPackage(string key, out CachedPackage package)
    {
        if (packages.TryGetValue(key, out package!))
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
        if (!packages.TryAdd(key, package)) return;
        addedPackages.Enqueue(key);
        changed = true;
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
        var header = $"{FormatVersion}\n{importPath}\n{module}\n{dir}\n{problemDir}\n{string.Join(',', platforms)}\n";
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
        var keepAll = files.Count <= MaxFiles;
        if (!rewrite && keepAll && journal.Length < ParseCacheJournal.MaxBytes)
        {
            var added = Payload(addedFiles.Select(id => new KeyValuePair<string, CachedFile>(id, files[id])).ToList(),
                addedPackages.Select(key => new KeyValuePair<string, CachedPackage>(key, packages[key])).ToList());
            if (journal.Append(added))
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
            var bytes = PackageCodec.Sealed(Payload(files.Where(f => keepAll || usedFiles.ContainsKey(f.Key)).ToList(),
                packages.Where(p => keepAll || usedPackages.ContainsKey(p.Key)).ToList()));
            File.WriteAllBytes(temp, bytes);
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

    /// <summary>The entries in the file's layout (magic, version, files, packages), not yet sealed: the whole file's or a journal record's.</summary>
    static byte[] Payload(List<KeyValuePair<string, CachedFile>> fileEntries, List<KeyValuePair<string, CachedPackage>> packageEntries)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(fileEntries.Count);
            foreach (var (id, file) in fileEntries)
            {
                writer.Write(id);
                writer.Write(file.PackageName);
                writer.Write(file.Imports.Count);
                foreach (var import in file.Imports)
                {
                    writer.Write(import.Path);
                    WriteNullable(writer, import.Alias);
                    writer.Write(import.Line);
                }
                WriteNullable(writer, file.Constraint);
                writer.Write(file.EmbedPatterns.Count);
                foreach (var embed in file.EmbedPatterns)
                {
                    writer.Write(embed.Pattern);
                    writer.Write(embed.Line);
                }
            }
            writer.Write(packageEntries.Count);
            foreach (var (key, cached) in packageEntries)
            {
                writer.Write(key);
                PackageCodec.Write(writer, cached.Package);
                WriteList(writer, cached.Warnings);
                WriteList(writer, cached.RegularFiles);
            }
        }
        return stream.ToArray();
    }

    /// <summary>Reads the entries of an unsealed payload (and disposes the reader).</summary>
    void Read(BinaryReader payload)
    {
        using var reader = payload;
        if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion) throw new InvalidDataException("another format");
        var fileCount = reader.ReadInt32();
        for (var i = 0; i < fileCount; i++)
        {
            var id = reader.ReadString();
            var packageName = reader.ReadString();
            var imports = new GoImport[Count(reader)];
            for (var j = 0; j < imports.Length; j++) imports[j] = new GoImport(reader.ReadString(), ReadNullable(reader), reader.ReadInt32());
            var constraint = ReadNullable(reader);
            var embeds = new EmbedPattern[Count(reader)];
            for (var j = 0; j < embeds.Length; j++) embeds[j] = new EmbedPattern(reader.ReadString(), reader.ReadInt32());
            files[id] = new CachedFile(packageName, imports, constraint, embeds);
        }
        var packageCount = reader.ReadInt32();
        for (var i = 0; i < packageCount; i++)
        {
            var key = reader.ReadString();
            packages[key] = new CachedPackage(PackageCodec.Read(reader), ReadList(reader), ReadList(reader));
        }
        if (reader.BaseStream.Position != reader.BaseStream.Length) throw new InvalidDataException("trailing bytes");
    }

    static int Count(BinaryReader reader) => PackageCodec.Count(reader);

    static void WriteNullable(BinaryWriter writer, string? text) => PackageCodec.WriteNullable(writer, text);

    static string? ReadNullable(BinaryReader reader) => PackageCodec.ReadNullable(reader);

    static void WriteList(BinaryWriter writer, IReadOnlyList<string> list) => PackageCodec.WriteList(writer, list);

    static string[] ReadList(BinaryReader reader) => PackageCodec.ReadList(reader);
}
