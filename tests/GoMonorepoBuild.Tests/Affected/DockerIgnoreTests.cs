using GoMonorepoBuild.Affected;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>.dockerignore read and matched as BuildKit does (moby/patternmatcher and fsutil's walk), line by line.</summary>
public class DockerIgnoreTests
{
    static DockerIgnore Ignore(string text) => DockerIgnore.Parse("ctx/.dockerignore", text);

    [Theory]
    // Anchored at the context root, unlike .gitignore.
    [InlineData("foo", "foo", true)]
    [InlineData("foo", "a/foo", false)]
    [InlineData("/foo", "foo", true)]
    [InlineData("./foo/", "foo/bar.txt", true)]
    // '*' and '?' never cross a '/'.
    [InlineData("*.md", "README.md", true)]
    [InlineData("*.md", "docs/README.md", false)]
    [InlineData("*/*.md", "docs/README.md", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "a/c", false)]
    // '**' spans any number of folders, none included.
    [InlineData("**/*.md", "README.md", true)]
    [InlineData("**/*.md", "a/b/README.md", true)]
    [InlineData("**/node_modules", "x/node_modules/y.js", true)]
    [InlineData("docs/**", "docs/a/b.txt", true)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("**", "anything/at/all", true)]
    // A matched folder takes its subtree.
    [InlineData("vendor", "vendor/a/b.go", true)]
    // Character classes and escapes as in Go's filepath.Match.
    [InlineData("[a-c].txt", "b.txt", true)]
    [InlineData("[^a-c].txt", "b.txt", false)]
    [InlineData("\\*.txt", "*.txt", true)]
    [InlineData("\\*.txt", "a.txt", false)]
    // Regex characters mean themselves.
    [InlineData("a+b(c).txt", "a+b(c).txt", true)]
    [InlineData("a.txt", "abtxt", false)]
    public void A_pattern_matches_as_BuildKit_matches_it(string pattern, string path, bool excluded) =>
        Assert.Equal(excluded, Ignore(pattern).Excludes(path));

    [Fact]
    public void The_last_matching_line_wins_and_names_its_line()
    {
        var ignore = Ignore("# comment\n\n*.md\n!README.md\nREADME.md\n");
        var decided = ignore.Decide("README.md")!;
        Assert.True(ignore.Excludes("README.md"));
        Assert.Equal((5, "README.md"), (decided.Line, decided.Text));
    }

    [Fact]
    public void A_negation_brings_back_a_file_an_earlier_line_excluded()
    {
        var ignore = Ignore("*.md\n!KEEP.md\n");
        Assert.False(ignore.Excludes("KEEP.md"));
        Assert.True(ignore.Decide("KEEP.md")!.Negated);
        Assert.True(ignore.Excludes("OTHER.md"));
        Assert.Null(ignore.Decide("main.go"));
    }

    [Fact]
    public void An_excluded_folder_is_not_walked_unless_a_negation_names_a_path_inside_it()
    {
        // fsutil skips "docs" whole: "!*/keep.txt" has wildcards, so it walks; "!other/keep.txt" does not reach into docs.
        Assert.True(Ignore("docs\n!other/keep.txt\n").Excludes("docs/keep.txt"));
        Assert.False(Ignore("docs\n!docs/keep.txt\n").Excludes("docs/keep.txt"));
        Assert.False(Ignore("docs\n!*/keep.txt\n").Excludes("docs/keep.txt"));
        Assert.True(Ignore("docs\n").Enters("other"));
        Assert.False(Ignore("docs\n").Enters("docs"));
        Assert.True(Ignore("docs\n!docs/keep.txt\n").Enters("docs"));
    }

    [Fact]
    public void Parsing_follows_BuildKits_ignorefile()
    {
        // A BOM is stripped; '#' only in column 1 starts a comment; lines are trimmed; "." is ignored.
        var ignore = Ignore("\uFEFF*.log\n # not a comment\n  tmp/  \n.\n! spaced.log\n");
        Assert.Equal(["*.log", "# not a comment", "tmp", "spaced.log"], ignore.Patterns.Select(p => p.Pattern));
        Assert.True(ignore.Excludes("tmp/x"));
        Assert.False(ignore.Excludes("spaced.log"));
    }

    [Fact]
    public void A_bare_exclamation_mark_is_an_error_naming_the_file_and_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => Ignore("*.md\n!\n"));
        Assert.Contains("ctx/.dockerignore line 2: illegal exclusion pattern: \"!\"", error.Message);
    }
}
