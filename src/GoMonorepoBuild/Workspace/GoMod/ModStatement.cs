namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>
/// One directive line, e.g. <c>require example.com/x v1.2.3 // indirect</c>; a line inside a parenthesised block
/// carries the block's verb. <see cref="Comments"/> holds the comment lines just above it and its trailing comment.
/// </summary>
internal sealed record ModStatement(
    string Verb,
    IReadOnlyList<ModToken> Args,
    IReadOnlyList<string> Comments,
    string? TrailingComment,
    SourcePosition Position,
    bool InBlock);
