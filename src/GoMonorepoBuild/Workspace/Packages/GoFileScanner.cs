using System.Text;

namespace GoMonorepoBuild.Workspace.Packages;

/// <summary>
/// Reads the header of a .go file (build constraints, package clause, import declarations) without parsing the rest.
/// Only files importing "embed" can hold //go:embed directives, so only those are read to the end.
/// </summary>
internal static class GoFileScanner
{
    private const int HeaderChunk = 4096;

    /// <summary>Scans a file on disk; <paramref name="displayPath"/> is the path errors name.</summary>
    public static GoSourceFile ScanFile(string fullPath, string displayPath)
    {
        var buffer = new byte[HeaderChunk];
        if (PosixFileReader.TryReadStart(fullPath, buffer, out var read) && TryHeader(buffer, read, displayPath) is { } fast)
            return fast;

        // Sharing read/write/delete keeps other writers unblocked; a short first read spares asking the length.
        using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        read = ReadFully(handle, buffer, 0);
        if (TryHeader(buffer, read, displayPath) is { } file) return file;
        var all = new byte[RandomAccess.GetLength(handle)];
        var total = ReadFully(handle, all, 0);
        return Build(Path.GetFileName(displayPath), GoHeaderLexer.Scan(all.AsSpan(0, total), displayPath, complete: true), all.AsSpan(0, total), displayPath);
    }

    /// <summary>The file from its first chunk, or null when the header runs past it or embed directives need the rest.</summary>
    private static GoSourceFile? TryHeader(byte[] buffer, int read, string displayPath)
    {
        var complete = read < buffer.Length;
        var header = GoHeaderLexer.Scan(buffer.AsSpan(0, read), displayPath, complete);
        return complete || !header.NeedsMore && !header.ImportsEmbed ? Build(Path.GetFileName(displayPath), header, buffer.AsSpan(0, read), displayPath) : null;
    }

    /// <summary>Scans file contents held in memory.</summary>
    public static GoSourceFile Scan(ReadOnlySpan<byte> content, string fileName, string displayPath) =>
        Build(Path.GetFileName(fileName), GoHeaderLexer.Scan(content, displayPath, complete: true), content, displayPath);

    private static GoSourceFile Build(string name, GoHeaderLexer.Header header, ReadOnlySpan<byte> content, string displayPath)
    {
        var embeds = header.ImportsEmbed ? EmbedDirectiveReader.Read(content, header.HeaderEnd, displayPath) : [];
        // The name in its folder decides _test and GOOS/GOARCH suffixes, also for a link to a file of another name.
        return new GoSourceFile(name, header.PackageName, header.Imports, header.Constraint, embeds);
    }

    private static int ReadFully(Microsoft.Win32.SafeHandles.SafeFileHandle handle, byte[] buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var wanted = buffer.Length - total;
            var n = RandomAccess.Read(handle, buffer.AsSpan(total), offset + total);
            total += n;
            // A regular file reads short only at its end; stopping here spares a second read call per file.
            if (n < wanted) break;
        }
        return total;
    }

    internal static string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
