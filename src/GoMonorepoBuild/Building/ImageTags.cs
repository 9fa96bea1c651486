using System.Security.Cryptography;
using System.Text;
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
            var tag = Sanitize(extra.Replace(BranchPlaceholder, branch is null ? null : ForBranch(branch), StringComparison.Ordinal));
            var reference = $"{repository}:{tag}";
            if (!tags.Contains(reference)) tags.Add(reference);
        }
        return tags;
    }

    /// <summary>A valid tag from any text: Docker allows <c>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}</c>, so <c>feature/x</c> becomes <c>feature-x</c>.</summary>
    /// <exception cref="InvalidTagException">Nothing of the text can start a tag (e.g. <c>..</c> or <c>功能</c>).</exception>
    public static string Sanitize(string text)
    {
        var tag = InvalidCharacters().Replace(text, "-").TrimStart('.', '-');
        if (tag.Length == 0)
            throw new InvalidTagException($"--tags: '{text}' cannot be made an image tag: a tag holds ASCII letters, digits, '_', '.' or '-' " +
                                          "and starts with a letter, digit or '_'; change the tag.");
        return tag.Length > 128 ? tag[..128] : tag;
    }

    /// <summary>
    /// What <c>{branch}</c> stands for: the branch name made a tag (<c>feature/login</c> → <c>feature-login</c>). A name
    /// with characters beyond ASCII also gets the first 8 hex digits of its SHA-256, so <c>功能/login</c> and
    /// <c>修复/login</c> stay two tags (<c>login-1a2b3c4d</c>); a name with nothing ASCII left is <c>branch-1a2b3c4d</c>.
    /// </summary>
    public static string ForBranch(string branch)
    {
        var ascii = InvalidCharacters().Replace(branch, "-").Trim('.', '-');
        if (ascii.Length > 0 && branch.All(char.IsAscii)) return branch;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(branch)))[..8];
        return ascii.Length == 0 ? $"branch-{hash}" : $"{(ascii.Length > 100 ? ascii[..100] : ascii)}-{hash}";
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]", RegexOptions.CultureInvariant)]
    private static partial Regex InvalidCharacters();
}
