using System.Text;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// The last lines of a text file, read backwards from its end: a history that only grows (one line per run, forever)
/// costs the report the same few blocks at its ten-thousandth run as at its tenth.
/// </summary>
/// <param name="Lines">The non-blank lines, oldest first, without their line ends.</param>
/// <param name="WholeFile">True when nothing before these lines was left unread (the file holds no more lines).</param>
internal sealed record FileTail(IReadOnlyList<string> Lines, bool WholeFile)
{
    const int FirstBlock = 64 * 1024;

    /// <summary>Up to <paramref name="count"/> last non-blank lines of <paramref name="path"/>; a last line without a final newline counts.</summary>
    public static FileTail Read(string path, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.RandomAccess);
        var length = stream.Length;
        // Each round reads twice as far back as the last, so long lines (a 500-service run is a long line) cost a few
        // rounds, not one per block; the first piece of a round may be cut mid-line and is only kept at the file's start.
        for (var reach = (long)FirstBlock; ; reach *= 2)
        {
            var start = Math.Max(0, length - reach);
            stream.Position = start;
            var bytes = new byte[length - start];
            stream.ReadExactly(bytes);
            var pieces = Encoding.UTF8.GetString(bytes).Split('\n');
            var lines = pieces.Skip(start == 0 ? 0 : 1).Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
            if (lines.Count >= count || start == 0)
                return new FileTail(lines.Count > count ? lines[^count..] : lines, start == 0 && lines.Count <= count);
        }
    }
}
