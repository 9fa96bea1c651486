using GoMonorepoBuild.Engine;

namespace GoMonorepoBuild.Tests.Engine;

/// <summary>Reading dockerd's log and containerd's lease table when a build cache grew too large to load.</summary>
public sealed class OverloadedBuildCacheTests
{
    [Fact]
    public void A_deadline_after_initialisation_without_a_listening_API_is_the_build_cache()
    {
        string[] log =
        [
            "level=info msg=\"Loading containers: done.\"",
            "level=info msg=\"Daemon has completed initialization\"",
            "level=info msg=\"stopping event stream following graceful shutdown\" error=\"context canceled\"",
            "context deadline exceeded",
        ];

        Assert.True(OverloadedBuildCache.StoppedTheStart(log));
    }

    [Fact]
    public void A_deadline_before_initialisation_or_after_the_API_listens_is_something_else()
    {
        Assert.False(OverloadedBuildCache.StoppedTheStart(["containerd: context deadline exceeded", "context deadline exceeded"]));
        Assert.False(OverloadedBuildCache.StoppedTheStart(
            ["level=info msg=\"Daemon has completed initialization\"", "level=info msg=\"API listen on /run/d.sock\"", "context deadline exceeded"]));
        Assert.False(OverloadedBuildCache.StoppedTheStart(["level=info msg=\"Daemon has completed initialization\""]));
    }

    [Fact]
    public void Only_leases_created_before_the_second_of_the_moment_are_chosen()
    {
        const string table = """
            ID                                 CREATED AT           LABELS
            005men0ee9o12top4yimoaj58          2026-12-07T13:22:19Z containerd.io/gc.flat=2026-12-07T13:22:19.685004722Z
            005men0ee9o12top4yimoaj58-variants 2026-12-07T13:22:19Z -
            same-second                        2026-12-07T16:28:35Z -
            fresh                              2026-12-07T16:28:40Z -
            unreadable                         yesterday            -
            """;

        var old = LeaseTable.CreatedBefore(table, new DateTimeOffset(2026, 12, 7, 16, 28, 35, 700, TimeSpan.Zero));

        Assert.Equal(["005men0ee9o12top4yimoaj58", "005men0ee9o12top4yimoaj58-variants"], old);
    }
}
