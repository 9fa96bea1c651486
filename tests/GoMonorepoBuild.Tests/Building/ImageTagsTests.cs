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
    public void Text_that_cannot_become_a_tag_is_refused_with_the_rule() =>
        Assert.Contains("letters, digits", Assert.Throws<ArgumentException>(() => ImageTags.Sanitize("..")).Message);
}
