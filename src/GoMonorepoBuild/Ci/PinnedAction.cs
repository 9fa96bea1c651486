using System.Text.RegularExpressions;

namespace GoMonorepoBuild.Ci;

/// <summary>A third-party GitHub action pinned by its full commit SHA; the version is the comment a reader (and Dependabot) sees.</summary>
public sealed partial record PinnedAction(string Repository, string Sha, string Version)
{
    /// <summary>The <c>uses:</c> value: <c>owner/repo@&lt;40-hex sha&gt;</c>.</summary>
    public string Uses => $"{Repository}@{Sha}";

    public static bool IsFullSha(string sha) => FullSha().IsMatch(sha);

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex FullSha();
}
