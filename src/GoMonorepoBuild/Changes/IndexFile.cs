using System.Buffers.Binary;
using System.Text;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// Reads git's index file (format versions 2, 3 and 4, as git's Documentation/gitformat-index describes it) into an
/// <see cref="IndexListing"/>: on moby's 13,000 entries a few milliseconds, where LibGit2Sharp's entry-by-entry
/// marshalling took 145 ms and <c>git ls-files --stage</c> a process. Only what git writes in the common case is read
/// here; anything else answers null and the caller asks git (<c>git ls-files --stage</c>): another version, a mandatory
/// extension (a split index's <c>link</c>, a sparse index's <c>sdir</c>), a sparse index's folder entries, a size that
/// does not add up (an index of SHA-256 objects), or an index git is told to find elsewhere (<c>GIT_INDEX_FILE</c>).
/// </summary>
internal static class IndexFile
{
    const int IdLength = 20;
    const int FixedPart = 62; // ctime, mtime, dev, ino, mode, uid, gid, size (40), object id (20), flags (2)
    const ushort Extended = 0x4000;
    const ushort AssumeValid = 0x8000;
    const ushort SkipWorktree = 0x4000; // in the extended flags

    /// <summary>The entries of the index file at <paramref name="path"/>; null when it cannot be read here (see the class).</summary>
    public static IReadOnlyList<IndexListing.Entry>? TryRead(string path) => TryRead(path, out _);

    /// <summary>
    /// As <see cref="TryRead(string)"/>, with the tree id git's cache-tree extension (TREE) records for the whole index
    /// when that record is valid: the index then holds exactly that tree (git invalidates the record, up to the root, for
    /// every entry it changes). Null when there is no such record or it is invalid.
    /// </summary>
    public static IReadOnlyList<IndexListing.Entry>? TryRead(string path, out string? tree)
    {
        tree = null;
        if (Targets.ProcessEnvironment.Variable("GIT_INDEX_FILE") is { Length: > 0 }) return null;
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return Parse(data, out tree);
    }

    /// <summary>The entries of an index file's bytes; null when they are not an index this reads.</summary>
    internal static IReadOnlyList<IndexListing.Entry>? Parse(ReadOnlySpan<byte> data) => Parse(data, out _);

    /// <summary>The entries of an index file's bytes and its valid cache-tree root (see <see cref="TryRead(string, out string?)"/>).</summary>
    internal static IReadOnlyList<IndexListing.Entry>? Parse(ReadOnlySpan<byte> data, out string? tree)
    {
        tree = null;
        try
        {
            return ParseEntries(data, out tree);
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or DecoderFallbackException)
        {
            return null; // ran past the end, or a name that is not UTF-8: not an index this reads
        }
    }

    static List<IndexListing.Entry>? ParseEntries(ReadOnlySpan<byte> data, out string? tree)
    {
        tree = null;
        if (data.Length < 12 + IdLength || !data[..4].SequenceEqual("DIRC"u8)) return null;
        var version = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        if (version is < 2 or > 4) return null;
        var count = BinaryPrimitives.ReadUInt32BigEndian(data[8..]);
        var entries = new List<IndexListing.Entry>((int)Math.Min(count, 1_000_000));
        var utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var offset = 12;
        var previous = Array.Empty<byte>();
        for (var i = 0; i < count; i++)
        {
            var entry = data[offset..];
            var mode = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[24..]);
            var id = Convert.ToHexStringLower(entry.Slice(40, IdLength));
            var flags = BinaryPrimitives.ReadUInt16BigEndian(entry[60..]);
            var nameStart = FixedPart;
            var uncompared = (flags & AssumeValid) != 0;
            if ((flags & Extended) != 0)
            {
                if (version < 3) return null;
                uncompared |= (BinaryPrimitives.ReadUInt16BigEndian(entry[FixedPart..]) & SkipWorktree) != 0;
                nameStart += 2;
            }
            byte[] name;
            int length;
            if (version == 4)
            {
                // The name is the previous entry's, less a number of trailing bytes, plus a NUL-terminated suffix.
                var (strip, used) = Varint(entry[nameStart..]);
                if (strip > previous.Length) return null;
                var suffix = entry[(nameStart + used)..];
                var end = suffix.IndexOf((byte)0);
                if (end < 0) return null;
                name = [.. previous.AsSpan(0, previous.Length - (int)strip), .. suffix[..end]];
                length = nameStart + used + end + 1;
            }
            else
            {
                var end = entry[nameStart..].IndexOf((byte)0);
                if (end < 0) return null;
                name = entry.Slice(nameStart, end).ToArray();
                // NUL padding to a multiple of eight bytes, at least one.
                length = (nameStart + end + 8) & ~7;
            }
            if ((mode & 0xF000) == IndexListing.Folder) return null; // a sparse index's folder: git expands it
            entries.Add(new IndexListing.Entry(mode, id, (flags >> 12) & 3, utf8.GetString(name), uncompared));
            previous = name;
            offset += length;
        }
        // Extensions, then the checksum: a mandatory one (not starting with A-Z) changes what the entries mean.
        while (offset < data.Length - IdLength)
        {
            if (data.Length - IdLength - offset < 8) return null;
            var signature = data[offset];
            var size = BinaryPrimitives.ReadUInt32BigEndian(data[(offset + 4)..]);
            if (signature is < (byte)'A' or > (byte)'Z' || size > data.Length) return null;
            if (data.Slice(offset, 4).SequenceEqual("TREE"u8)) tree = CacheTreeRoot(data.Slice(offset + 8, (int)size));
            offset += 8 + (int)size;
        }
        if (offset != data.Length - IdLength)
        {
            tree = null;
            return null;
        }
        return entries;
    }

    /// <summary>
    /// The root's object id in a TREE extension: its first record is the root's, an empty path (NUL), then
    /// "&lt;entries&gt; &lt;subtrees&gt;\n" in ASCII, then the id when the record is valid (entries -1 marks it invalid).
    /// </summary>
    static string? CacheTreeRoot(ReadOnlySpan<byte> extension)
    {
        if (extension.Length < 1 || extension[0] != 0) return null;
        var newline = extension.IndexOf((byte)'\n');
        if (newline < 0) return null;
        var counts = Encoding.ASCII.GetString(extension[1..newline]).Split(' ');
        if (counts.Length != 2 || !int.TryParse(counts[0], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var covered)
            || covered < 0 || extension.Length < newline + 1 + IdLength)
            return null;
        return Convert.ToHexStringLower(extension.Slice(newline + 1, IdLength));
    }

    /// <summary>git's offset varint (varint.c): seven bits a byte, most significant first, each continuation adding one.</summary>
    static (long Value, int Used) Varint(ReadOnlySpan<byte> data)
    {
        var used = 0;
        var c = data[used++];
        long value = c & 127;
        while ((c & 128) != 0)
        {
            value += 1;
            if (value > int.MaxValue) throw new ArgumentException("varint too large");
            c = data[used++];
            value = (value << 7) + (c & 127);
        }
        return (value, used);
    }
}
