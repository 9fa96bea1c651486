using System.Text;

namespace GoMonorepoBuild.Ci.Yaml;

/// <summary>
/// Writes a <see cref="YamlNode"/> tree in block style, two spaces per level, sequences indented under their key
/// (the layout GitHub's and GitLab's documentation use). Multi-line strings become literal blocks.
/// </summary>
public static class YamlEmitter
{
    /// <summary>The document text: <paramref name="header"/> lines as comments, then the tree; ends with one newline.</summary>
    public static string Emit(YamlMap document, IEnumerable<string> header)
    {
        var text = new StringBuilder();
        foreach (var line in header) text.Append(line.Length == 0 ? "#" : "# " + line).Append('\n');
        text.Append('\n');
        WriteMap(text, document, 0);
        return text.ToString();
    }

    static void WriteMap(StringBuilder text, YamlMap map, int indent)
    {
        var first = true;
        foreach (var (key, value) in map)
        {
            if (map.Spaced && !first) text.Append('\n');
            first = false;
            text.Append(' ', indent).Append(YamlScalarText.Key(key)).Append(':');
            WriteAfterKey(text, value, indent);
        }
    }

    static void WriteAfterKey(StringBuilder text, YamlNode value, int indent)
    {
        switch (value)
        {
            case YamlScalar scalar:
                WriteScalar(text, scalar, indent + 2);
                break;
            case YamlMap { Entries.Count: 0 }:
                text.Append(" {}\n");
                break;
            case YamlMap map:
                text.Append('\n');
                WriteMap(text, map, indent + 2);
                break;
            case YamlSeq seq:
                WriteSeq(text, seq, indent + 2);
                break;
        }
    }

    static void WriteSeq(StringBuilder text, YamlSeq seq, int indent)
    {
        if (seq.Flow || seq.Items.Count == 0)
        {
            var items = seq.Items.Select(i => i is YamlScalar s
                ? s.IsRaw ? s.Value : YamlScalarText.Value(s.Value, inFlow: true)
                : throw new InvalidOperationException("A flow sequence holds scalars only."));
            text.Append(" [").Append(string.Join(", ", items)).Append("]\n");
            return;
        }
        text.Append('\n');
        foreach (var item in seq.Items)
        {
            text.Append(' ', indent).Append('-');
            switch (item)
            {
                case YamlScalar scalar:
                    WriteScalar(text, scalar, indent + 2);
                    break;
                case YamlMap map when map.Entries.Count > 0:
                    // The first entry shares the dash's line; the rest line up under it.
                    text.Append(' ');
                    var body = new StringBuilder();
                    WriteMap(body, map, indent + 2);
                    text.Append(body.ToString(indent + 2, body.Length - (indent + 2)));
                    break;
                default:
                    throw new InvalidOperationException("Sequence items are scalars or non-empty mappings.");
            }
        }
    }

    static void WriteScalar(StringBuilder text, YamlScalar scalar, int blockIndent)
    {
        if (!scalar.IsRaw && scalar.Value.Contains('\n') && IsLiteralSafe(scalar.Value))
        {
            var chomp = scalar.Value.EndsWith('\n') ? "" : "-";
            text.Append(" |").Append(chomp).Append(scalar.Comment is null ? "" : " # " + scalar.Comment).Append('\n');
            foreach (var line in scalar.Value.TrimEnd('\n').Split('\n'))
                (line.Length == 0 ? text : text.Append(' ', blockIndent).Append(line)).Append('\n');
            return;
        }
        text.Append(' ').Append(scalar.IsRaw ? scalar.Value : YamlScalarText.Value(scalar.Value));
        if (scalar.Comment is not null) text.Append(" # ").Append(scalar.Comment);
        text.Append('\n');
    }

    // A literal block cannot start with spaces (it would need an indentation indicator), hold other control
    // characters, or keep more than one trailing newline.
    static bool IsLiteralSafe(string value) =>
        !value.StartsWith(' ') && !value.EndsWith("\n\n") &&
        value.All(c => c == '\n' || !char.IsControl(c)) && !value.Split('\n').Any(l => l.EndsWith(' '));
}
