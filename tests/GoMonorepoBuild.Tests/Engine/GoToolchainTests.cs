using GoMonorepoBuild.Engine;

namespace GoMonorepoBuild.Tests.Engine;

public sealed class GoToolchainTests
{
    [Fact]
    public async Task Go_of_the_wanted_minor_version_is_found_or_fetched_and_then_cached()
    {
        Provisioning.Require();
        var ct = TestContext.Current.CancellationToken;
        var options = Provisioning.FreshHome();
        try
        {
            var go = await GoToolchain.EnsureAsync("1.23", options, ct);

            Assert.StartsWith("go1.23", await GoToolchain.VersionOfAsync(go, ct));
            var started = DateTime.UtcNow;
            Assert.Equal(go, await GoToolchain.EnsureAsync("1.23", options, ct));
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "a cached toolchain is not fetched again");
        }
        finally
        {
            Provisioning.DeleteHome(options.Home);
        }
    }

    [Fact]
    public async Task A_version_that_is_not_a_minor_version_is_refused()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            GoToolchain.EnsureAsync("1.23.5", new EngineOptions(), TestContext.Current.CancellationToken));
        Assert.Contains("'1.23.5' is not a Go minor version", e.Message);
    }
}
