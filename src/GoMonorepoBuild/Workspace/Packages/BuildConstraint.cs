namespace GoMonorepoBuild.Workspace.Packages;

/// <summary>
/// A //go:build expression (tags, !, &amp;&amp;, ||, parentheses). The model evaluates it conservatively: a tag it cannot
/// know (custom tags, cgo, go1.N) may be true, so a file is dropped only when it can never build for any target platform.
/// </summary>
public sealed class BuildConstraint
{
    private readonly Node _root;

    private BuildConstraint(string expression, Node root)
    {
        Expression = expression;
        _root = root;
    }

    /// <summary>The expression as written (for // +build lines: translated to //go:build syntax).</summary>
    public string Expression { get; }

    /// <summary>Parses a //go:build expression; a malformed one throws <see cref="FormatException"/> with the reason.</summary>
    public static BuildConstraint Parse(string expression)
    {
        var parser = new Parser(expression);
        var root = parser.ParseOr();
        parser.ExpectEnd();
        return new BuildConstraint(expression.Trim(), root);
    }

    /// <summary>
    /// Translates legacy <c>// +build</c> lines (space = or, comma = and, lines and-ed) into an expression, as
    /// go/build/constraint reads them: a term that is no valid tag (empty, as in loki's vendored
    /// <c>// +build !appengine,!appenginevm, !tinygo</c>; <c>!!x</c>; a lone <c>!</c>) is the tag <c>ignore</c>, false.
    /// </summary>
    public static BuildConstraint FromPlusBuildLines(IReadOnlyList<string> lines)
    {
        var clauses = lines.Select(line => "(" + string.Join(" || ", line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(term => "(" + string.Join(" && ", term.Split(',').Select(PlusBuildLiteral)) + ")")) + ")");
        return Parse(string.Join(" && ", clauses));
    }

    static string PlusBuildLiteral(string literal)
    {
        if (literal.StartsWith("!!", StringComparison.Ordinal) || literal == "!") return "ignore";
        var negated = literal.StartsWith('!');
        var tag = negated ? literal[1..] : literal;
        if (tag.Length == 0 || !tag.All(c => char.IsLetterOrDigit(c) || c is '_' or '.')) tag = "ignore";
        return negated ? "!" + tag : tag;
    }

    /// <summary>False only when the expression is false on <paramref name="platform"/> whatever the unknowable tags are.</summary>
    public bool MayBuildFor(TargetPlatform platform) => Evaluate(_root, platform, withoutTags: false) != Truth.False;

    /// <summary>
    /// Whether the file builds on <paramref name="platform"/> as `go build` without -tags builds it: custom tags and cgo
    /// off (images build with CGO_ENABLED=0), go1.N on. A file that builds only with a custom tag (a generator's
    /// <c>package main</c> beside a library, as in aws-sdk-go-v2) is no part of the package then.
    /// </summary>
    public bool BuildsWithoutTags(TargetPlatform platform) => Evaluate(_root, platform, withoutTags: true) == Truth.True;

    public override string ToString() => Expression;

    private enum Truth { False, True, Unknown }

    private static Truth Evaluate(Node node, TargetPlatform platform, bool withoutTags) => node switch
    {
        Tag t => TagTruth(t.Name, platform, withoutTags),
        Not n => Evaluate(n.Operand, platform, withoutTags) switch { Truth.True => Truth.False, Truth.False => Truth.True, _ => Truth.Unknown },
        And a => (Evaluate(a.Left, platform, withoutTags), Evaluate(a.Right, platform, withoutTags)) switch
        {
            (Truth.False, _) or (_, Truth.False) => Truth.False,
            (Truth.True, Truth.True) => Truth.True,
            _ => Truth.Unknown,
        },
        Or o => (Evaluate(o.Left, platform, withoutTags), Evaluate(o.Right, platform, withoutTags)) switch
        {
            (Truth.True, _) or (_, Truth.True) => Truth.True,
            (Truth.False, Truth.False) => Truth.False,
            _ => Truth.Unknown,
        },
        _ => Truth.Unknown,
    };

    private static Truth TagTruth(string tag, TargetPlatform platform, bool withoutTags)
    {
        if (KnownPlatforms.IsOs(tag)) return KnownPlatforms.OsMatches(tag, platform.Os) ? Truth.True : Truth.False;
        if (KnownPlatforms.IsArch(tag)) return tag == platform.Arch ? Truth.True : Truth.False;
        return tag switch
        {
            "unix" => KnownPlatforms.IsUnix(platform.Os) ? Truth.True : Truth.False,
            "gc" => Truth.True,
            "gccgo" => Truth.False,
            // By convention //go:build ignore keeps generators and examples out of every build.
            "ignore" => Truth.False,
            _ when !withoutTags => Truth.Unknown,
            _ when tag.StartsWith("go1.", StringComparison.Ordinal) => Truth.True,
            _ => Truth.False,
        };
    }

    private abstract record Node;
    private sealed record Tag(string Name) : Node;
    private sealed record Not(Node Operand) : Node;
    private sealed record And(Node Left, Node Right) : Node;
    private sealed record Or(Node Left, Node Right) : Node;

    private sealed class Parser(string text)
    {
        // Bounds keep a hostile or corrupted line from exhausting the stack of this recursive parser and of Evaluate.
        private const int MaxDepth = 64;
        private const int MaxTerms = 1000;
        private int _pos;
        private int _depth;
        private int _terms;

        public Node ParseOr()
        {
            var left = ParseAnd();
            while (Accept("||")) left = new Or(left, ParseAnd());
            return left;
        }

        private Node ParseAnd()
        {
            var left = ParseUnary();
            while (Accept("&&")) left = new And(left, ParseUnary());
            return left;
        }

        private Node ParseUnary()
        {
            if (++_depth > MaxDepth) throw new FormatException("expression nested too deeply");
            try
            {
                return ParseOperand();
            }
            finally
            {
                _depth--;
            }
        }

        private Node ParseOperand()
        {
            if (Accept("!")) return new Not(ParseUnary());
            if (Accept("("))
            {
                var inner = ParseOr();
                if (!Accept(")")) throw new FormatException("missing ')'");
                return inner;
            }
            if (++_terms > MaxTerms) throw new FormatException("expression too long");
            SkipSpace();
            var start = _pos;
            while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] is '_' or '.')) _pos++;
            if (start == _pos)
                throw new FormatException(_pos < text.Length ? $"unexpected '{text[_pos]}'" : "unexpected end of expression");
            return new Tag(text[start.._pos]);
        }

        public void ExpectEnd()
        {
            SkipSpace();
            if (_pos < text.Length) throw new FormatException($"unexpected '{text[_pos]}'");
        }

        private bool Accept(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _pos, token, 0, token.Length) != 0) return false;
            if (token == "!" && _pos + 1 < text.Length && text[_pos + 1] == '=') return false;
            _pos += token.Length;
            return true;
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
        }
    }
}
