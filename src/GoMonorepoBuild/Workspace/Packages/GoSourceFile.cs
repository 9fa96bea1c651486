namespace GoMonorepoBuild.Workspace.Packages;

/// <summary>
/// What the model needs from one .go file's header: its package clause, imports, build constraint and go:embed patterns.
/// <see cref="Constraint"/> is the //go:build expression (or the // +build lines translated to one), null when absent.
/// </summary>
public sealed record GoSourceFile(
    string Name,
    string PackageName,
    IReadOnlyList<GoImport> Imports,
    BuildConstraint? Constraint,
    IReadOnlyList<EmbedPattern> EmbedPatterns)
{
    /// <summary>A test file (<c>_test.go</c>); only <c>go test</c> compiles it.</summary>
    public bool IsTest => Name.EndsWith("_test.go", StringComparison.Ordinal);

    /// <summary>A test file of the external test package (<c>package foo_test</c>).</summary>
    public bool IsExternalTest => IsTest && PackageName.EndsWith("_test", StringComparison.Ordinal);
}
