using System.Text.Json;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// The ways to find the base, in the order the issue fixes: --base; the CI's own variables (GitHub Actions pull request
/// and push, GitLab merge request and push); the merge-base of HEAD with origin/main, main or master.
/// </summary>
public static class BaseCandidates
{
    public static readonly IReadOnlyList<string> DefaultBranches = ["origin/main", "main", "master"];

    public static IReadOnlyList<BaseCandidate> From(string? explicitBase, IReadOnlyDictionary<string, string?> environment)
    {
        var list = new List<BaseCandidate>();
        if (!string.IsNullOrWhiteSpace(explicitBase))
            list.Add(new BaseCandidate(BaseSource.Explicit, explicitBase.Trim(), false, "--base"));
        list.AddRange(GitHub(environment));
        list.AddRange(GitLab(environment));
        list.AddRange(DefaultBranches.Select(b => new BaseCandidate(BaseSource.MergeBase, b, true, "default branch")));
        return list;
    }

    static IEnumerable<BaseCandidate> GitHub(IReadOnlyDictionary<string, string?> env)
    {
        if (Value(env, "GITHUB_ACTIONS") != "true") yield break;
        if (Value(env, "GITHUB_BASE_REF") is { } baseRef)
            yield return new BaseCandidate(BaseSource.GitHubPullRequest, "origin/" + baseRef, true, "GITHUB_BASE_REF");
        else if (Value(env, "GITHUB_EVENT_PATH") is { } eventPath && PushBefore(eventPath) is { } before)
            yield return new BaseCandidate(BaseSource.GitHubPush, before, false, "\"before\" of the push event in GITHUB_EVENT_PATH");
    }

    static IEnumerable<BaseCandidate> GitLab(IReadOnlyDictionary<string, string?> env)
    {
        if (Value(env, "CI_MERGE_REQUEST_DIFF_BASE_SHA") is { } mr)
            yield return new BaseCandidate(BaseSource.GitLabMergeRequest, mr, false, "CI_MERGE_REQUEST_DIFF_BASE_SHA");
        if (Value(env, "CI_COMMIT_BEFORE_SHA") is { } before)
            yield return new BaseCandidate(BaseSource.GitLabPush, before, false, "CI_COMMIT_BEFORE_SHA");
    }

    /// <summary>The "before" sha of a GitHub push event; null when the file is missing or says nothing (other events).</summary>
    static string? PushBefore(string eventPath)
    {
        if (!File.Exists(eventPath)) return null;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(eventPath));
            return json.RootElement.TryGetProperty("before", out var before) && before.ValueKind == JsonValueKind.String
                ? before.GetString()
                : null;
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"GITHUB_EVENT_PATH {eventPath} is not valid JSON ({e.Message}): pass --base <rev> instead.", e);
        }
    }

    static string? Value(IReadOnlyDictionary<string, string?> env, string name) =>
        env.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
