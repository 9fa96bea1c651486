using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// A Spectre <see cref="Table"/> (rounded border, a plain-text caption) that writes itself as the same text without
/// Spectre's layout where that is exact: on a console without escape codes (a file, a pipe, a CI log), when every cell
/// is single-line printable ASCII (one column per character) and the table fits the width as it is. Spectre measures
/// every character of every cell several times (its Unicode width tables); at 102 services that was a tenth of a
/// no-change run's CPU. Anything else is the table's own rendering.
/// </summary>
internal sealed class PlainTableText : IRenderable
{
    readonly Table table;
    readonly string[] headers;
    readonly bool[] rightAligned;
    readonly IReadOnlyList<string[]> rows;
    readonly string caption;

    /// <param name="table">The table as Spectre renders it (its cells as markup).</param>
    /// <param name="headers">The columns' headers as text, in order.</param>
    /// <param name="rightAligned">Per column, whether it is right-aligned.</param>
    /// <param name="rows">Each row's cells as the text they show (markup already resolved).</param>
    /// <param name="caption">The caption's text.</param>
    public PlainTableText(Table table, string[] headers, bool[] rightAligned, IReadOnlyList<string[]> rows, string caption)
    {
        this.table = table;
        this.headers = headers;
        this.rightAligned = rightAligned;
        this.rows = rows;
        this.caption = caption;
    }

    /// <summary>The table as Spectre renders it itself.</summary>
    internal Table Table => table;

    public Measurement Measure(RenderOptions options, int maxWidth) => ((IRenderable)table).Measure(options, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        if (options.Ansi || !options.Unicode || TryText(maxWidth) is not { } text) return ((IRenderable)table).Render(options, maxWidth);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var segments = new List<Segment>(lines.Length * 2);
        foreach (var line in lines)
        {
            segments.Add(new Segment(line));
            segments.Add(Segment.LineBreak);
        }
        return segments;
    }

    /// <summary>The table's text, or null when it is not one Spectre would render the same way.</summary>
    internal string? TryText(int maxWidth)
    {
        var widths = new int[headers.Length];
        if (!Widen(widths, headers)) return null;
        foreach (var row in rows)
            if (row.Length != headers.Length || !Widen(widths, row)) return null;
        // Borders and one space of padding on each side of every cell.
        var width = widths.Sum() + 3 * widths.Length + 1;
        if (width > maxWidth || !IsSimple(caption) || caption.Length > width) return null;

        var text = new StringBuilder((rows.Count + 5) * (width + 1));
        Border(text, widths, '╭', '┬', '╮');
        Row(text, widths, headers);
        // Spectre draws the line below the headers only above a row.
        if (rows.Count > 0) Border(text, widths, '├', '┼', '┤');
        foreach (var row in rows) Row(text, widths, row);
        Border(text, widths, '╰', '┴', '╯');
        var left = (width - caption.Length) / 2;
        text.Append(' ', left).Append(caption).Append(' ', width - caption.Length - left).Append('\n');
        return text.ToString();
    }

    static bool Widen(int[] widths, string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (!IsSimple(cells[i])) return false;
            widths[i] = Math.Max(widths[i], cells[i].Length);
        }
        return true;
    }

    /// <summary>
    /// Printable ASCII, no leading, trailing or doubled space: what Spectre's paragraph lays out as the text itself
    /// (it splits words at spaces; a cell may be empty).
    /// </summary>
    static bool IsSimple(string text)
    {
        if (text.Length > 0 && (text[0] == ' ' || text[^1] == ' ')) return false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' || c > '~' || (c == ' ' && text[i - 1] == ' ')) return false;
        }
        return true;
    }

    static void Border(StringBuilder text, int[] widths, char left, char between, char right)
    {
        text.Append(left);
        for (var i = 0; i < widths.Length; i++)
        {
            if (i > 0) text.Append(between);
            text.Append('─', widths[i] + 2);
        }
        text.Append(right).Append('\n');
    }

    void Row(StringBuilder text, int[] widths, string[] cells)
    {
        text.Append('│');
        for (var i = 0; i < cells.Length; i++)
        {
            var pad = widths[i] - cells[i].Length;
            text.Append(' ');
            if (rightAligned[i]) text.Append(' ', pad).Append(cells[i]);
            else text.Append(cells[i]).Append(' ', pad);
            text.Append(" │");
        }
        text.Append('\n');
    }
}
