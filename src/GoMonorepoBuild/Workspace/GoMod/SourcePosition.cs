namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>A 1-based line and column in a go.mod/go.work file, kept so later checks can point at the directive.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
