namespace GoMonorepoBuild.Ci;

/// <summary>Which CI configuration <c>GenerateCi</c> writes (<c>--ci github|gitlab|all</c>).</summary>
public enum CiProvider
{
    All,
    GitHub,
    GitLab,
}
