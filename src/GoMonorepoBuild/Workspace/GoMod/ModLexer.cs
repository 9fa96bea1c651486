using System.Globalization;
using System.Text;

namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>
/// Splits go.mod/go.work text into tokens the way golang.org/x/mod/modfile does: words are runs of printable
/// non-space characters, ( ) [ ] { } , and newlines are punctuation, // starts a comment, "..." and `...` are strings.
/// </summary>
internal sealed class ModLexer
{
    private readonly string _text;
    private readonly string _file;
    private int _pos;
    private int _line = 1;
    private int _column = 1;

    public ModLexer(string text, string file)
    {
        _text = text;
        _file = file;
    }

    public static IReadOnlyList<ModToken> Tokenize(string text, string file)
    {
        var lexer = new ModLexer(text, file);
        var tokens = new List<ModToken>();
        ModToken token;
        do tokens.Add(token = lexer.Next());
        while (token.Kind != ModTokenKind.End);
        return tokens;
    }

    public ModToken Next()
    {
        SkipBlanks();
        var start = new SourcePosition(_line, _column);
        if (_pos >= _text.Length) return new ModToken(ModTokenKind.End, "", start);
        var c = _text[_pos];
        switch (c)
        {
            case '\n': Advance(); return new ModToken(ModTokenKind.Newline, "\n", start);
            case '(': Advance(); return new ModToken(ModTokenKind.LParen, "(", start);
            case ')': Advance(); return new ModToken(ModTokenKind.RParen, ")", start);
            case '[': Advance(); return new ModToken(ModTokenKind.LBracket, "[", start);
            case ']': Advance(); return new ModToken(ModTokenKind.RBracket, "]", start);
            case '{': Advance(); return new ModToken(ModTokenKind.LBrace, "{", start);
            case '}': Advance(); return new ModToken(ModTokenKind.RBrace, "}", start);
            case ',': Advance(); return new ModToken(ModTokenKind.Comma, ",", start);
            case '"': return new ModToken(ModTokenKind.String, ReadInterpreted(start), start);
            case '`': return new ModToken(ModTokenKind.String, ReadRaw(start), start);
        }
        if (StartsWith("//"))
        {
            var end = _text.IndexOf('\n', _pos);
            if (end < 0) end = _text.Length;
            var comment = _text[(_pos + 2)..end].TrimEnd('\r');
            AdvanceTo(end);
            return new ModToken(ModTokenKind.Comment, comment, start);
        }
        if (!IsWordChar(c)) throw Error($"unexpected input character {Describe(c)}", start);
        var begin = _pos;
        while (_pos < _text.Length && IsWordChar(_text[_pos]))
        {
            if (StartsWith("//")) break;
            if (StartsWith("/*")) throw Error("go.mod and go.work files use // comments, not /* */", new SourcePosition(_line, _column));
            Advance();
        }
        return new ModToken(ModTokenKind.Word, _text[begin.._pos], start);
    }

    private void SkipBlanks()
    {
        while (_pos < _text.Length && _text[_pos] != '\n' && (char.IsWhiteSpace(_text[_pos]) || _text[_pos] == '\uFEFF'))
            Advance();
    }

    private string ReadInterpreted(SourcePosition start)
    {
        Advance();
        var value = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length) throw Error("unterminated string: add the closing \"", start);
            var c = _text[_pos];
            if (c == '\n') throw Error("unexpected newline in string: close it with \" on the same line", start);
            if (c == '"') { Advance(); return value.ToString(); }
            if (c != '\\') { value.Append(c); Advance(); continue; }
            var escape = new SourcePosition(_line, _column);
            Advance();
            if (_pos >= _text.Length) throw Error("unterminated string: add the closing \"", start);
            var e = _text[_pos];
            Advance();
            switch (e)
            {
                case 'a': value.Append('\a'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case 'v': value.Append('\v'); break;
                case '\\': value.Append('\\'); break;
                case '"': value.Append('"'); break;
                case 'x': value.Append((char)ReadHex(2, escape)); break;
                case 'u': AppendCodePoint(value, ReadHex(4, escape), escape); break;
                case 'U': AppendCodePoint(value, ReadHex(8, escape), escape); break;
                case >= '0' and <= '7':
                    var octal = e - '0';
                    for (var i = 0; i < 2; i++)
                    {
                        if (_pos >= _text.Length || _text[_pos] is < '0' or > '7') throw Error("invalid octal escape in string", escape);
                        octal = octal * 8 + (_text[_pos] - '0');
                        Advance();
                    }
                    if (octal > 255) throw Error("octal escape value > 255 in string", escape);
                    value.Append((char)octal);
                    break;
                default: throw Error($"unknown escape sequence \\{e} in string", escape);
            }
        }
    }

    private long ReadHex(int digits, SourcePosition escape)
    {
        long result = 0;
        for (var i = 0; i < digits; i++)
        {
            if (_pos >= _text.Length || !char.IsAsciiHexDigit(_text[_pos])) throw Error("invalid hexadecimal escape in string", escape);
            result = result * 16 + int.Parse(_text.AsSpan(_pos, 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            Advance();
        }
        return result;
    }

    private void AppendCodePoint(StringBuilder value, long codePoint, SourcePosition escape)
    {
        if (codePoint > 0x10FFFF || codePoint is >= 0xD800 and <= 0xDFFF) throw Error("escape sequence is an invalid Unicode code point", escape);
        value.Append(char.ConvertFromUtf32((int)codePoint));
    }

    private string ReadRaw(SourcePosition start)
    {
        Advance();
        var end = _text.IndexOf('`', _pos);
        if (end < 0) throw Error("unterminated raw string: add the closing `", start);
        var value = _text[_pos..end].Replace("\r", "");
        AdvanceTo(end + 1);
        return value;
    }

    private static bool IsWordChar(char c) =>
        c is not (' ' or '(' or ')' or '[' or ']' or '{' or '}' or ',' or '"' or '`')
        && !char.IsWhiteSpace(c) && !char.IsControl(c) && c != '\uFEFF'
        && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned);

    private static string Describe(char c) => char.IsControl(c) || char.IsSurrogate(c) || c == '\uFEFF'
        ? $"U+{(int)c:X4}"
        : $"'{c}'";

    private bool StartsWith(string s) => string.CompareOrdinal(_text, _pos, s, 0, s.Length) == 0;

    private void AdvanceTo(int end)
    {
        while (_pos < end) Advance();
    }

    private void Advance()
    {
        if (_text[_pos] == '\n') { _line++; _column = 1; }
        else _column++;
        _pos++;
    }

    private GoModParseException Error(string reason, SourcePosition at) => new(reason, _file, at.Line, at.Column);
}
