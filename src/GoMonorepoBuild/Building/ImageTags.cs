using System.Text.RegularExpressions;

namespace GoMonorepoBuild.Building;

/// <summary>
/// The tags of a service's image: <c>&lt;registry&gt;/&lt;image&gt;:&lt;commit&gt;</c> first (the report's image), then the
/// extra tags of <c>--tags</c>, where <c>{branch}</c> stands for the branch being built (made a valid tag).
/// </summary>
public static partial class ImageTags
{
    public const string BranchPlaceholder = "{branch}";

    public static IReadOnlyList<string> For(string repository, string commitTag, IEnumerable<string> extraTags, string? branch)
    {
        var tags = new List<string> { $"{repository}:{commitTag}" };
        foreach (var extra in extraTags)
        {
            if (extra.Contains(BranchPlaceholder, StringComparison.Ordinal) && branch is null) continue;
            var tag = Sanitize(extra.Replace(BranchPlaceholder, branch, StringComparison.Ordinal));
            var reference = $"{repository}:{tag}";
            if (!tags.Contains(reference)) tags.Add(reference);
        }
        return tags;
    }

    /// <summary>A valid tag from any text: Docker allows <c>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}</c>, so <c>feature/x</c> becomes <c>feature-x</c>.</summary>
    public static string Sanitize(string text)
    {
        var tag = InvalidCharacters().Replace(text, "-").TrimStart('.', '-');
        if (tag.Length == 0) throw new ArgumentException($"'{text}' cannot be made an image tag: use letters, digits, '_', '.' or '-'.", nameof(text));
        return tag.Length > 128 ? tag[..128] : tag;
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]", RegexOptions.CultureInvariant)]
    private static partial Regex InvalidCharacters();
}
