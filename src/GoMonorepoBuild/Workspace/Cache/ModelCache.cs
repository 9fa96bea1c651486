using GoMonorepoBuild.Workspace.Packages;

namespace GoMonorepoBuild.Workspace.Cache;

/// <summary>
/// The parse cache (<see cref="Store"/>) with what the caller knows of the files (<see cref="Keys"/>), as the loader uses
/// them: a file whose id is known and cached is not read; any other is read whole, scanned, and kept under the id of the
/// bytes read.
/// </summary>
internal sealed record ModelCache(ParseCache Store, IContentKeys Keys)
{
    /// <summary>Vendored closures kept across runs, looked up and proposed under <see cref="Keys"/> (<see cref="VendorClosures"/>).</summary>
    public VendorClosures? Closures { get; init; }

    /// <summary>Scans the file at <paramref name="fullPath"/>; <paramref name="id"/> is the id of its content.</summary>
    public GoSourceFile Scan(string fullPath, string displayPath, out string id)
    {
        var name = Path.GetFileName(displayPath);
        if (Keys.FileId(displayPath) is { } known && Store.TryFile(known, name, out var cached))
        {
            id = known;
            return cached;
        }
        var content = ReadAll(fullPath);
        id = Keys.IdOf(content);
        var file = GoFileScanner.Scan(content, name, displayPath);
        Store.AddFile(id, file);
        return file;
    }

    static byte[] ReadAll(string fullPath)
    {
        if (PosixFileReader.TryReadAll(fullPath, out var content)) return content;
        // Sharing read/write/delete keeps other writers unblocked, as the uncached scanner does.
        using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var bytes = new byte[RandomAccess.GetLength(handle)];
        var total = 0;
        while (total < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(total), total) is var n and > 0) total += n;
        return bytes.AsSpan(0, total).ToArray();
    }
}
