namespace GoMonorepoBuild.Files;

/// <summary>Writes a result file (report, analysis, carried cache) through a temp file and a rename, so a reader (or a crash) never sees half of it.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text) => Replace(path, temp => File.WriteAllText(temp, text));

    /// <summary>
    /// Writes what <paramref name="write"/> puts into the stream the same way, without the file's text as one string first:
    /// a report of a hundred services is ~0.5 MB, whose string, its UTF-8 copy and the collections they trigger were
    /// most of a no-change run's report time (issue 19 goal 2).
    /// </summary>
    public static void Write(string path, Action<Stream> write) => Replace(path, temp =>
    {
        using var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        write(stream);
    });

    /// <summary>Copies <paramref name="source"/> to <paramref name="path"/> the same way (a copy, not a move: the source may be on another file system).</summary>
    public static void Copy(string source, string path) => Replace(path, temp => File.Copy(source, temp, overwrite: true));

    static void Replace(string path, Action<string> writeTemp)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        writeTemp(temp);
        File.Move(temp, path, overwrite: true);
    }
}
