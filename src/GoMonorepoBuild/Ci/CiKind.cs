namespace GoMonorepoBuild.Ci;

/// <summary>Where the build runs, as <see cref="CiEnvironment.Detect(IReadOnlyDictionary{string, string?}, TextWriter?)"/> tells it.</summary>
public enum CiKind
{
    /// <summary>A developer's machine: no CI variable is set.</summary>
    None,

    /// <summary>Some CI that says only <c>CI=true</c>: no outputs, summaries or annotations to write.</summary>
    Generic,

    GitHubActions,
    GitLabCi,
}
