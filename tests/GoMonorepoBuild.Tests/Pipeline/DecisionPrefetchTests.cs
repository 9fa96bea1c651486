using System.Collections.Concurrent;
using GoMonorepoBuild.Pipeline.ChangedBuild;
using GoMonorepoBuild.Workspace.Services;
using static GoMonorepoBuild.Tests.Support.ServiceFixtures;

namespace GoMonorepoBuild.Tests.Pipeline;

/// <summary>The decide stage's head start: once the model is loaded, one builder per Go version and every service scanned; nothing when it did not load.</summary>
public class DecisionPrefetchTests
{
    readonly ConcurrentQueue<string> builders = new();
    readonly ConcurrentBag<string> scanned = [];

    DecisionPrefetch With(Func<Task<IReadOnlyList<GoService>?>> services) => new(
        _ => services(),
        (version, _) =>
        {
            builders.Enqueue(version);
            return Task.CompletedTask;
        },
        service => scanned.Add(service.Name));

    [Fact]
    public async Task Once_the_model_is_loaded_each_Go_version_asks_for_its_builder_once_and_every_service_is_scanned()
    {
        var model = new TaskCompletionSource<IReadOnlyList<GoService>?>();
        var started = With(() => model.Task).Start(TestContext.Current.CancellationToken);
        Assert.False(started.IsCompleted);
        Assert.Empty(builders);

        model.SetResult([Service("a"), Service("b") with { GoVersion = "1.22.4" }, Service("c"), Service("d") with { GoVersion = null }]);
        await started;

        // A service that names no Go version builds with the fallback's builder, here the same as a's and c's.
        Assert.Equal(["1.23", "1.22"], builders);
        Assert.Equal(["a", "b", "c", "d"], scanned.Order());
    }

    [Fact]
    public async Task A_model_that_did_not_load_starts_nothing()
    {
        await With(() => Task.FromResult<IReadOnlyList<GoService>?>(null)).Start(TestContext.Current.CancellationToken);
        Assert.Empty(builders);
        Assert.Empty(scanned);
    }
}
