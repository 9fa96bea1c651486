namespace GoMonorepoBuild.Workspace.Packages;

/// <summary>
/// A byte-level lexer for the part of a Go file before its first non-import declaration: comments (collecting
/// //go:build and // +build lines before the package clause), the package clause and import declarations.
/// </summary>
internal ref struct GoHeaderLexer
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _file;
    private readonly bool _complete;
    private int _pos;
    private int _line;
    private int _lineStart;

    private GoHeaderLexer(ReadOnlySpan<byte> data, string file, bool complete)
    {
        _data = data;
        _file = file;
        _complete = complete;
        _line = 1;
        if (data.StartsWith("\uFEFF"u8)) _pos = 3;
    }

    internal sealed record Header(
        string PackageName,
        IReadOnlyList<GoImport> Imports,
        BuildConstraint? Constraint,
        bool ImportsEmbed,
        int HeaderEnd,
        bool NeedsMore);

    /// <summary>Thrown inside the lexer when a partial buffer ends mid-header; the caller rereads the whole file.</summary>
    private sealed class NeedMoreInput : Exception;

    public static Header Scan(ReadOnlySpan<byte> data, string file, bool complete)
    {
        var lexer = new GoHeaderLexer(data, file, complete);
        try
        {
            return lexer.ScanHeader();
        }
        catch (NeedMoreInput)
        {
            return new Header("", [], null, false, 0, NeedsMore: true);
        }
    }

    private Header ScanHeader()
    {
        string? goBuild = null;
        var goBuildLine = 0;
        var plusBuild = new List<string>();
        while (true)
        {
            SkipSpace();
            if (AtEnd) throw Error("expected 'package' clause, found end of file");
            if (Peek("//"u8))
            {
                var text = ReadLineComment();
                var trimmed = text.Trim();
                if (text.StartsWith("go:build") && (text.Length == 8 || text[8] is ' ' or '\t'))
                {
                    if (goBuild is not null) throw Error("multiple //go:build lines: keep one", _line);
                    goBuild = text[8..];
                    goBuildLine = _line;
                }
                else if (trimmed.StartsWith("+build ") || trimmed == "+build") plusBuild.Add(trimmed[6..]);
                continue;
            }
            if (Peek("/*"u8)) { SkipBlockComment(); continue; }
            break;
        }
        var constraint = ParseConstraint(goBuild, goBuildLine, plusBuild);
        var (keyword, keywordLine, keywordColumn) = ReadIdentifier();
        if (keyword != "package") throw Error($"expected 'package' clause, found '{Truncate(keyword)}'", keywordLine, keywordColumn);
        SkipSpaceAndComments(stopAtNewline: false);
        var (name, nameLine, nameColumn) = ReadIdentifier();
        if (name.Length == 0 || name == "_") throw Error("expected a package name after 'package'", nameLine, nameColumn);
        SkipSemicolon();

        var imports = new List<GoImport>();
        while (true)
        {
            // The checkpoint precedes comments: a //go:embed right after the imports must stay for the embed reader.
            var checkpoint = (_pos, _line, _lineStart);
            SkipSpaceAndComments(stopAtNewline: false);
            var (word, _, _) = ReadIdentifierOrEmpty();
            if (word != "import")
            {
                (_pos, _line, _lineStart) = checkpoint;
                break;
            }
            SkipSpaceAndComments(stopAtNewline: false);
            if (Peek("("u8))
            {
                _pos++;
                while (true)
                {
                    SkipSpaceAndComments(stopAtNewline: false);
                    if (AtEnd) throw Error("import block is never closed: add ')'");
                    if (_data[_pos] == ')') { _pos++; break; }
                    if (_data[_pos] == ';') { _pos++; continue; }
                    imports.Add(ReadImportSpec());
                }
            }
            else imports.Add(ReadImportSpec());
            SkipSemicolon();
        }
        var importsEmbed = imports.Any(i => i.Path == "embed");
        return new Header(name, imports, constraint, importsEmbed, _pos, NeedsMore: false);
    }

    private BuildConstraint? ParseConstraint(string? goBuild, int line, List<string> plusBuild)
    {
        try
        {
            if (goBuild is not null) return BuildConstraint.Parse(goBuild);
            return plusBuild.Count > 0 ? BuildConstraint.FromPlusBuildLines(plusBuild) : null;
        }
        catch (FormatException e)
        {
            throw goBuild is null
                ? Error($"invalid // +build line: {e.Message}", 1, 1)
                : Error($"invalid //go:build line: {e.Message}", line, 1);
        }
    }

    private GoImport ReadImportSpec()
    {
        string? alias = null;
        var specLine = _line;
        if (!AtEnd && _data[_pos] == '.') { alias = "."; _pos++; }
        else if (!AtEnd && IsIdentifierStart(_data[_pos])) alias = ReadIdentifier().Text;
        SkipSpaceAndComments(stopAtNewline: true);
        if (AtEnd) throw Error("expected an import path string");
        var c = _data[_pos];
        if (c is not ((byte)'"' or (byte)'`')) throw Error($"expected an import path string, found '{(char)c}'");
        var path = ReadString();
        if (path.Length == 0 || path.Any(ch => char.IsControl(ch) || ch is ' ' or '\\' or '"'))
            throw Error($"invalid import path \"{Truncate(path)}\"", specLine);
        SkipSpaceAndComments(stopAtNewline: true);
        if (!AtEnd && _data[_pos] == ';') _pos++;
        return new GoImport(path, alias, specLine);
    }

    private string ReadString()
    {
        var quote = _data[_pos];
        var startLine = _line;
        var startColumn = Column;
        _pos++;
        var start = _pos;
        var escaped = false;
        while (true)
        {
            if (AtEnd)
            {
                if (!_complete) throw new NeedMoreInput();
                throw Error("string literal not terminated", startLine, startColumn);
            }
            var c = _data[_pos];
            if (quote == '"' && c == '\n') throw Error("string literal not terminated", startLine, startColumn);
            if (c == '\n') NewLine();
            _pos++;
            if (quote == '"' && c == '\\') { escaped = true; _pos++; continue; }
            if (c == quote) break;
        }
        var raw = GoFileScanner.Decode(_data[start..(_pos - 1)]);
        return escaped ? Unescape(raw, startLine, startColumn) : raw;
    }

    private string Unescape(string raw, int line, int column)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\' || i + 1 >= raw.Length) { sb.Append(raw[i]); continue; }
            var e = raw[++i];
            switch (e)
            {
                case '\\' or '"' or '\'': sb.Append(e); break;
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'x' when i + 2 < raw.Length && Uri.IsHexDigit(raw[i + 1]) && Uri.IsHexDigit(raw[i + 2]):
                    sb.Append((char)Convert.ToInt32(raw.Substring(i + 1, 2), 16));
                    i += 2;
                    break;
                default: throw Error($"unsupported escape \\{e} in import path", line, column);
            }
        }
        return sb.ToString();
    }

    private (string Text, int Line, int Column) ReadIdentifier()
    {
        var result = ReadIdentifierOrEmpty();
        if (result.Text.Length == 0)
        {
            if (AtEnd && !_complete) throw new NeedMoreInput();
            var found = AtEnd ? "end of file" : $"'{(char)_data[_pos]}'";
            throw Error($"expected an identifier, found {found}", result.Line, result.Column);
        }
        return result;
    }

    private (string Text, int Line, int Column) ReadIdentifierOrEmpty()
    {
        if (AtEnd && !_complete) throw new NeedMoreInput();
        var line = _line;
        var column = Column;
        var start = _pos;
        while (!AtEnd && (IsIdentifierStart(_data[_pos]) || _data[_pos] is >= (byte)'0' and <= (byte)'9')) _pos++;
        if (AtEnd && !_complete) throw new NeedMoreInput();
        return (GoFileScanner.Decode(_data[start.._pos]), line, column);
    }

    private static bool IsIdentifierStart(byte c) => c is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or (byte)'_' or >= 0x80;

    private void SkipSemicolon()
    {
        SkipSpaceAndComments(stopAtNewline: true);
        if (!AtEnd && _data[_pos] == ';') _pos++;
    }

    private void SkipSpaceAndComments(bool stopAtNewline)
    {
        while (true)
        {
            while (!AtEnd && _data[_pos] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                if (_data[_pos] == '\n')
                {
                    if (stopAtNewline) return;
                    NewLine();
                }
                _pos++;
            }
            if (Peek("//"u8)) ReadLineComment();
            else if (Peek("/*"u8)) SkipBlockComment();
            else
            {
                if (AtEnd && !_complete) throw new NeedMoreInput();
                return;
            }
        }
    }

    private void SkipSpace()
    {
        while (!AtEnd && _data[_pos] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            if (_data[_pos] == '\n') NewLine();
            _pos++;
        }
        if (AtEnd && !_complete) throw new NeedMoreInput();
    }

    /// <summary>Consumes a // comment up to (not including) its newline and returns the text after //.</summary>
    private string ReadLineComment()
    {
        var start = _pos + 2;
        var end = _data[start..].IndexOf((byte)'\n');
        if (end < 0)
        {
            if (!_complete) throw new NeedMoreInput();
            _pos = _data.Length;
            return GoFileScanner.Decode(_data[start..]).TrimEnd('\r');
        }
        _pos = start + end;
        return GoFileScanner.Decode(_data.Slice(start, end)).TrimEnd('\r');
    }

    private void SkipBlockComment()
    {
        var line = _line;
        var column = Column;
        _pos += 2;
        while (true)
        {
            if (AtEnd)
            {
                if (!_complete) throw new NeedMoreInput();
                throw Error("comment not terminated: add */", line, column);
            }
            if (Peek("*/"u8)) { _pos += 2; return; }
            if (_data[_pos] == '\n') NewLine();
            _pos++;
        }
    }

    private void NewLine()
    {
        _line++;
        _lineStart = _pos + 1;
    }

    private readonly bool AtEnd => _pos >= _data.Length;

    private readonly int Column => _pos - _lineStart + 1;

    private readonly bool Peek(ReadOnlySpan<byte> s) => _data[_pos..].StartsWith(s);

    private static string Truncate(string s) => s.Length > 40 ? s[..40] + "..." : s;

    private readonly WorkspaceException Error(string reason) => Error(reason, _line, Column);

    private readonly WorkspaceException Error(string reason, int line, int column = 1)
    {
        if (!_complete) throw new NeedMoreInput();
        return new WorkspaceException(reason, _file, line, column);
    }
}
