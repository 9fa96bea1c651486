namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>Lexical classes of the go.mod/go.work grammar (golang.org/x/mod/modfile's lexer).</summary>
internal enum ModTokenKind
{
    Word,
    String,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Comma,
    Newline,
    Comment,
    End,
}
