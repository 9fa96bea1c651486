namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>
/// Groups tokens into directive lines and parenthesised blocks (<c>verb (</c> newline lines <c>)</c>), the structure
/// shared by go.mod and go.work. Which verbs exist and what they take is left to the file's own parser.
/// </summary>
internal static class ModStatementReader
{
    public static IReadOnlyList<ModStatement> Read(string text, string file)
    {
        var tokens = ModLexer.Tokenize(text, file);
        var statements = new List<ModStatement>();
        var pendingComments = new List<string>();
        var i = 0;
        while (tokens[i].Kind != ModTokenKind.End)
        {
            var line = ReadLine(tokens, ref i, out var trailing);
            if (line.Count == 0)
            {
                if (trailing is not null) pendingComments.Add(trailing);
                else pendingComments.Clear();
                continue;
            }
            var verb = line[0];
            if (verb.Kind != ModTokenKind.Word)
                throw Error(file, verb, $"unexpected {verb.Describe()}: a line starts with a directive such as module, go, require or replace");
            if (line.Count == 2 && line[1].Kind == ModTokenKind.LParen)
            {
                ReadBlock(tokens, ref i, verb, file, statements, trailing);
                pendingComments.Clear();
                continue;
            }
            CheckNoParentheses(line, file);
            var comments = trailing is null ? pendingComments.ToList() : [.. pendingComments, trailing];
            statements.Add(new ModStatement(verb.Text, line.Skip(1).ToList(), comments, trailing, verb.Position, false));
            pendingComments.Clear();
        }
        return statements;
    }

    private static void ReadBlock(IReadOnlyList<ModToken> tokens, ref int i, ModToken verb, string file,
        List<ModStatement> statements, string? blockComment)
    {
        var pending = new List<string>();
        if (blockComment is not null) pending.Add(blockComment);
        while (true)
        {
            if (tokens[i].Kind == ModTokenKind.End)
                throw Error(file, verb, $"the '{verb.Text} (' block is never closed: add a line with ')'");
            var line = ReadLine(tokens, ref i, out var trailing);
            if (line.Count == 0)
            {
                if (trailing is not null) pending.Add(trailing);
                else pending.Clear();
                continue;
            }
            if (line[0].Kind == ModTokenKind.RParen)
            {
                if (line.Count > 1) throw Error(file, line[1], $"unexpected {line[1].Describe()} after ')': the closing parenthesis stands on its own line");
                return;
            }
            CheckNoParentheses(line, file);
            var comments = trailing is null ? pending.ToList() : [.. pending, trailing];
            statements.Add(new ModStatement(verb.Text, line, comments, trailing, line[0].Position, true));
            pending.Clear();
        }
    }

    private static void CheckNoParentheses(IReadOnlyList<ModToken> line, string file)
    {
        foreach (var token in line)
        {
            if (token.Kind == ModTokenKind.LParen)
                throw Error(file, token, "unexpected '(': a block opens with '(' at the end of the directive's line");
            if (token.Kind == ModTokenKind.RParen)
                throw Error(file, token, "unexpected ')': there is no open block to close");
            if (token.Kind is ModTokenKind.LBrace or ModTokenKind.RBrace)
                throw Error(file, token, $"unexpected {token.Describe()}");
        }
    }

    /// <summary>Reads up to and including the next newline; a trailing // comment is returned apart.</summary>
    private static List<ModToken> ReadLine(IReadOnlyList<ModToken> tokens, ref int i, out string? trailingComment)
    {
        var line = new List<ModToken>();
        trailingComment = null;
        while (tokens[i].Kind is not (ModTokenKind.Newline or ModTokenKind.End))
        {
            if (tokens[i].Kind == ModTokenKind.Comment) trailingComment = tokens[i].Text;
            else line.Add(tokens[i]);
            i++;
        }
        if (tokens[i].Kind == ModTokenKind.Newline) i++;
        return line;
    }

    private static GoModParseException Error(string file, ModToken at, string reason) =>
        new(reason, file, at.Position.Line, at.Position.Column);
}
