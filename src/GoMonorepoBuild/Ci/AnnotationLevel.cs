namespace GoMonorepoBuild.Ci;

/// <summary>The level of a CI annotation; GitHub shows each in its own colour on the run and the pull request.</summary>
public enum AnnotationLevel
{
    Notice,
    Warning,
    Error,
}
