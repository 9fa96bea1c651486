namespace GoMonorepoBuild.Workspace.Packages;

/// <summary>Finds <c>//go:embed</c> directives (a line comment at the start of a line) after a file's imports.</summary>
internal static class EmbedDirectiveReader
{
    private static ReadOnlySpan<byte> Directive => "//go:embed"u8;

    public static IReadOnlyList<EmbedPattern> Read(ReadOnlySpan<byte> content, int from, string file)
    {
        var patterns = new List<EmbedPattern>();
        var line = 1 + content[..from].Count((byte)'\n');
        var pos = from;
        while (pos < content.Length)
        {
            var rest = content[pos..];
            var eol = rest.IndexOf((byte)'\n');
            var lineBytes = eol < 0 ? rest : rest[..eol];
            var trimmed = lineBytes.TrimStart(" \t"u8);
            if (trimmed.StartsWith(Directive) && (trimmed.Length == Directive.Length || trimmed[Directive.Length] is (byte)' ' or (byte)'\t'))
            {
                var args = GoFileScanner.Decode(trimmed[Directive.Length..]).TrimEnd('\r');
                foreach (var pattern in SplitPatterns(args, file, line))
                    patterns.Add(new EmbedPattern(pattern, line));
            }
            if (eol < 0) break;
            pos += eol + 1;
            line++;
        }
        return patterns;
    }

    /// <summary>Space-separated patterns, each bare or quoted with "..." or `...` (cmd/go's parseGoEmbed).</summary>
    private static List<string> SplitPatterns(string args, string file, int line)
    {
        var result = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < args.Length && args[i] is ' ' or '\t') i++;
            if (i >= args.Length) break;
            if (args[i] is '"' or '`')
            {
                var quote = args[i];
                var end = args.IndexOf(quote, i + 1);
                while (quote == '"' && end > 0 && args[end - 1] == '\\') end = args.IndexOf(quote, end + 1);
                if (end < 0) throw new WorkspaceException("invalid //go:embed pattern: unterminated quoted string", file, line, 1);
                var value = args[(i + 1)..end];
                result.Add(quote == '"' ? value.Replace("\\\"", "\"").Replace("\\\\", "\\") : value);
                i = end + 1;
                continue;
            }
            var start = i;
            while (i < args.Length && args[i] is not (' ' or '\t')) i++;
            result.Add(args[start..i]);
        }
        if (result.Count == 0) throw new WorkspaceException("//go:embed needs at least one pattern", file, line, 1);
        return result;
    }
}
