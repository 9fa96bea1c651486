namespace GoMonorepoBuild.Workspace.Cache;

/// <summary>
/// The entries added to the <see cref="ParseCache"/> since its file was last written whole, in a file beside it
/// (issue 17 item 5: a first analysis of a new commit adds a few file headers to a cache of thousands, and rewriting the
/// whole 3.6 MB file on moby cost a full garbage collection and ~15% of the run). A run appends one record of what it
/// added; the next open reads the whole file and then the records. Each record is its length and a sealed payload
/// (<see cref="PackageCodec.Sealed"/>), so a record cut short (a run killed while appending) or altered ends the
/// journal there: the records before it are whole and their entries kept, the rest ignored, and the next save rewrites
/// the whole file. An entry is keyed by the bytes it was read from, so a record never goes stale: two runs appending at
/// once, or a journal older than the whole file, only repeat entries.
/// </summary>
internal sealed class ParseCacheJournal(string path)
{
    // Past this size the next save writes the whole file (folding the journal in) and starts a new journal.
    public const int MaxBytes = 512 * 1024;
    const int HashLength = 32;

    /// <summary>The journal's file: the cache file's name with <c>.journal</c>.</summary>
    public string Path { get; } = path + ".journal";

    /// <summary>Bytes of whole records read at <see cref="Read"/>.</summary>
    public long Length { get; private set; }

    /// <summary>Whether the last <see cref="Read"/> stopped at a record cut short or damaged.</summary>
    public bool Damaged { get; private set; }

    /// <summary>
    /// Calls <paramref name="read"/> with each whole record's payload (its SHA-256 verified), in order; stops at the first
    /// that is not whole or that <paramref name="read"/> rejects (<see cref="InvalidDataException"/>).
    /// </summary>
    public void Read(Action<ArraySegment<byte>> read)
    {
        Length = 0;
        Damaged = false;
        if (!File.Exists(Path)) return;
        var bytes = File.ReadAllBytes(Path);
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (bytes.Length - offset < sizeof(int) || BitConverter.ToInt32(bytes, offset) is var length && (length < HashLength || length > bytes.Length - offset - sizeof(int)))
            {
                Damaged = true;
                return;
            }
            try
            {
                var payload = new ArraySegment<byte>(bytes, offset + sizeof(int), length - HashLength);
                if (!System.Security.Cryptography.SHA256.HashData(payload).AsSpan().SequenceEqual(bytes.AsSpan(payload.Offset + payload.Count, HashLength)))
                    throw new InvalidDataException("checksum");
                read(payload);
            }
            catch (InvalidDataException)
            {
                Damaged = true;
                return;
            }
            offset += sizeof(int) + length;
            Length = offset;
        }
    }

    /// <summary>Appends one record holding <paramref name="payload"/>; false when it could not be written (only speed is lost).</summary>
    public bool Append(ReadOnlySpan<byte> payload)
    {
        var record = new byte[sizeof(int) + payload.Length + HashLength];
        BitConverter.TryWriteBytes(record, payload.Length + HashLength);
        payload.CopyTo(record.AsSpan(sizeof(int)));
        System.Security.Cryptography.SHA256.HashData(payload, record.AsSpan(sizeof(int) + payload.Length));
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            // One write of the whole record in append mode: a concurrent appender's record goes before or after it.
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            stream.Write(record);
            Length += record.Length;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Removes the journal once the whole file holds its entries.</summary>
    public void Delete()
    {
        try
        {
            File.Delete(Path);
            Length = 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A journal left behind only repeats entries the whole file holds.
        }
    }
}
