using System.Text;

namespace GoMonorepoBuild.Workspace.Packages;

/// <summary>
/// Reads the header of a .go file (build constraints, package clause, import declarations) without parsing the rest.
/// Only files importing "embed" can hold //go:embed directives, so only those are read to the end.
/// </summary>
public static class GoFileScanner
{
    private const int HeaderChunk = 4096;

    /// <summary>Scans a file on disk; <paramref name="displayPath"/> is the path errors name.</summary>
    public static GoSourceFile ScanFile(string fullPath, string displayPath)
    {
        // Sharing read/write/delete spares the advisory lock .NET takes on Unix; a short first read spares asking the length.
        using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[HeaderChunk];
        var read = ReadFully(handle, buffer, 0);
        var complete = read < HeaderChunk;
        var header = GoHeaderLexer.Scan(buffer.AsSpan(0, read), displayPath, complete);
        if (complete || !header.NeedsMore && !header.ImportsEmbed)
            return Build(fullPath, header, buffer.AsSpan(0, read), displayPath);
        var all = new byte[RandomAccess.GetLength(handle)];
        var total = ReadFully(handle, all, 0);
        return Build(fullPath, GoHeaderLexer.Scan(all.AsSpan(0, total), displayPath, complete: true), all.AsSpan(0, total), displayPath);
    }

    /// <summary>Scans file contents held in memory.</summary>
    public static GoSourceFile Scan(ReadOnlySpan<byte> content, string fileName, string displayPath) =>
        Build(fileName, GoHeaderLexer.Scan(content, displayPath, complete: true), content, displayPath);

    private static GoSourceFile Build(string path, GoHeaderLexer.Header header, ReadOnlySpan<byte> content, string displayPath)
    {
        var embeds = header.ImportsEmbed ? EmbedDirectiveReader.Read(content, header.HeaderEnd, displayPath) : [];
        return new GoSourceFile(Path.GetFileName(path), header.PackageName, header.Imports, header.Constraint, embeds);
    }

    private static int ReadFully(Microsoft.Win32.SafeHandles.SafeFileHandle handle, byte[] buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = RandomAccess.Read(handle, buffer.AsSpan(total), offset + total);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    internal static string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
