using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Building;
using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Inputs;
using static GoMonorepoBuild.Tests.Support.ServiceFixtures;

namespace GoMonorepoBuild.Tests.Building;

/// <summary>BuildChanged's decision rules, one fact at a time, without a tree, git or an engine.</summary>
public class BuildDecisionsTests
{
    static readonly ServiceInputHash Hash = new("0123456789abcdef0123456789abcdef");
    static readonly ExistingImage Existing = new("gomonorepobuild/orders:inputs-0123456789abcdef0123", "4f81819abcdef0123456789", "the engine");
    static readonly NotCheckedOutService LeftOut = new("orders", ["libs/greet"], 2) { Path = "services/orders" };

    [Fact]
    public void A_changed_service_without_an_image_is_built_with_the_chain_as_its_reason()
    {
        var decision = BuildDecisions.Decide(Service("orders"), null, Hash, null, Analysis("orders"), force: false);

        Assert.True(decision.Build);
        Assert.Equal("affected: libs/greet/greet.go -> example.com/libs/greet -> services/orders", decision.Reason);
        Assert.Equal(Hash, decision.InputHash);
        Assert.Equal(["libs/greet/greet.go", "example.com/libs/greet", "services/orders"], decision.AffectedBecause);
    }

    [Fact]
    public void An_unchanged_service_without_an_image_is_built_because_no_image_has_its_inputs()
    {
        var decision = BuildDecisions.Decide(Service("orders"), null, Hash, null, Analysis("billing"), force: false);

        Assert.True(decision.Build);
        Assert.Equal("no image for these inputs yet", decision.Reason);
        Assert.Empty(decision.AffectedBecause);
    }

    [Fact]
    public void A_changed_service_whose_inputs_have_an_image_is_skipped_as_a_revert()
    {
        var decision = BuildDecisions.Decide(Service("orders"), null, Hash, Existing, Analysis("orders"), force: false);

        Assert.False(decision.Build);
        Assert.Equal("image for these inputs already exists (built at 4f81819abcde); git marks it changed, but its image inputs match that image", decision.Reason);
    }

    [Theory]
    [InlineData(true, "not affected; image for these inputs already exists (built at 4f81819abcde)")]
    [InlineData(false, "image for these inputs already exists (built at 4f81819abcde)")]
    public void An_unchanged_service_with_an_image_is_skipped(bool analysed, string reason)
    {
        var decision = BuildDecisions.Decide(Service("orders"), null, Hash, Existing, analysed ? Analysis() : null, force: false);

        Assert.False(decision.Build);
        Assert.Equal(reason, decision.Reason);
    }

    [Fact]
    public void An_image_without_a_revision_label_says_where_it_was_found() =>
        Assert.Equal("image for these inputs already exists (the registry)",
            BuildDecisions.ExistsReason(Existing with { Revision = null, Where = "the registry" }, affected: false, analysed: false));

    [Fact]
    public void Force_builds_even_when_the_image_exists()
    {
        var decision = BuildDecisions.Decide(Service("orders"), null, Hash, Existing, Analysis(), force: true);

        Assert.True(decision.Build);
        Assert.Equal("forced (--force)", decision.Reason);
    }

    [Fact]
    public void A_library_module_is_skipped_even_with_force()
    {
        var decision = BuildDecisions.Decide(Service("greet", buildable: false), null, null, null, null, force: true);

        Assert.False(decision.Build);
        Assert.Equal("no main package in services/greet (module root or cmd/<name>): a library module has no image", decision.Reason);
    }

    [Fact]
    public void A_service_a_sparse_checkout_left_out_is_skipped_and_says_whether_the_changes_reach_it()
    {
        var affected = BuildDecisions.Decide(Service("orders"), LeftOut, null, null, Analysis("orders"), force: true);
        var unaffected = BuildDecisions.Decide(Service("orders"), LeftOut, null, null, Analysis(), force: false);

        Assert.False(affected.Build);
        Assert.Equal(LeftOut.Reason, affected.Reason);
        Assert.Equal(LeftOut.Reason + " (the changes do not reach it, so it needs no build now)", unaffected.Reason);
    }

    [Fact]
    public void A_buildable_checked_out_service_needs_its_input_hash() =>
        Assert.Throws<ArgumentException>(() => BuildDecisions.Decide(Service("orders"), null, null, null, null, force: false));
}
