namespace GoMonorepoBuild.Files;

/// <summary>Writes a result file (report, analysis, carried cache) through a temp file and a rename, so a reader (or a crash) never sees half of it.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="path"/> the same way (a copy, not a move: the source may be on another file system).</summary>
    public static void Copy(string source, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.Copy(source, temp, overwrite: true);
        File.Move(temp, path, overwrite: true);
    }
}
