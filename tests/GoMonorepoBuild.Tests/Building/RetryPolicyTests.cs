using GoMonorepoBuild.Building;

namespace GoMonorepoBuild.Tests.Building;

public class RetryPolicyTests
{
    static readonly RetryPolicy Quick = RetryPolicy.Default.WithFirstDelay(TimeSpan.FromMilliseconds(1));

    [Fact]
    public async Task A_transient_failure_is_retried_until_an_attempt_succeeds()
    {
        var results = new Queue<string?>(["connection reset by peer", "503 Service Unavailable", null]);
        var retries = new List<(int, string)>();

        var (result, attempts) = await Quick.WithRetries(2).RunAsync(
            (_, _) => Task.FromResult(results.Dequeue()), r => r, (n, why) => retries.Add((n, why)),
            TestContext.Current.CancellationToken);

        Assert.Null(result);
        Assert.Equal(3, attempts);
        Assert.Equal([(2, "connection reset by peer"), (3, "503 Service Unavailable")], retries);
    }

    [Fact]
    public async Task Retries_stop_when_used_up_and_the_last_failure_is_the_result()
    {
        var (result, attempts) = await Quick.WithRetries(1).RunAsync(
            (n, _) => Task.FromResult<string?>($"EOF {n}"), r => r, null, TestContext.Current.CancellationToken);

        Assert.Equal(("EOF 2", 2), (result, attempts));
    }

    [Fact]
    public async Task A_failure_that_is_not_transient_is_not_retried()
    {
        var calls = 0;
        var (_, attempts) = await Quick.RunAsync(
            (_, _) => Task.FromResult(++calls), _ => null, null, TestContext.Current.CancellationToken);

        Assert.Equal((1, 1), (attempts, calls));
    }

    [Fact]
    public void The_wait_doubles_with_each_retry() =>
        Assert.Equal(
            [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)],
            new[] { 2, 3, 4 }.Select(RetryPolicy.Default.DelayBefore));

    [Fact]
    public void Negative_retries_are_refused_naming_the_option() =>
        Assert.Contains("--retries", Assert.Throws<ArgumentOutOfRangeException>(() => RetryPolicy.Default.WithRetries(-1)).Message);
}
