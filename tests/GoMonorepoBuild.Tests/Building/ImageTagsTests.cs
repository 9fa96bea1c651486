using GoMonorepoBuild.Building;

namespace GoMonorepoBuild.Tests.Building;

public class ImageTagsTests
{
    [Fact]
    public void The_commit_tag_comes_first_then_the_extra_tags_with_the_branch_made_a_valid_tag() =>
        Assert.Equal(
            ["reg/api:0123456789ab", "reg/api:latest", "reg/api:feature-login"],
            ImageTags.For("reg/api", "0123456789ab", ["latest", "{branch}", "latest"], "feature/login"));

    [Fact]
    public void A_branch_tag_is_left_out_when_there_is_no_branch() =>
        Assert.Equal(["reg/api:dev"], ImageTags.For("reg/api", "dev", ["{branch}"], branch: null));

    [Fact]
    public void Text_that_cannot_become_a_tag_is_refused_naming_the_option_the_text_and_the_rule()
    {
        var error = Assert.Throws<InvalidTagException>(() => ImageTags.For("reg/api", "dev", ["latest", "功能"], branch: null));
        Assert.Contains("--tags", error.Message);
        Assert.Contains("'功能'", error.Message);
        Assert.Contains("letters, digits", error.Message);
        Assert.Throws<InvalidTagException>(() => ImageTags.Sanitize(".."));
    }

    [Fact]
    public void A_branch_named_without_ascii_letters_becomes_a_valid_tag_from_a_short_hash_of_its_name()
    {
        var tags = ImageTags.For("reg/api", "dev", ["latest", "{branch}"], "功能");

        Assert.Matches("^reg/api:branch-[0-9a-f]{8}$", tags[2]);
        Assert.NotEqual(tags[2], ImageTags.For("reg/api", "dev", ["{branch}"], "修复")[1]);
    }

    [Fact]
    public void Branches_that_differ_only_beyond_ascii_keep_apart_with_the_hash_after_their_ascii_part()
    {
        var login = ImageTags.ForBranch("功能/login");

        Assert.Matches("^login-[0-9a-f]{8}$", login);
        Assert.NotEqual(login, ImageTags.ForBranch("修复/login"));
        Assert.Equal("feature/login", ImageTags.ForBranch("feature/login"));
    }
}
