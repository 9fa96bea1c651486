namespace GoMonorepoBuild.Building;

/// <summary>
/// How often a build that failed for a transient reason (<see cref="TransientErrors"/>) is tried again, and how long to
/// wait first (doubling each time, so an engine that is restarting gets a moment).
/// </summary>
public sealed record RetryPolicy(int Retries, TimeSpan FirstDelay)
{
    public const int DefaultRetries = 2;

    public static RetryPolicy Default { get; } = new(DefaultRetries, TimeSpan.FromSeconds(1));

    public static RetryPolicy None { get; } = new(0, TimeSpan.Zero);

    public RetryPolicy WithRetries(int retries) => retries < 0
        ? throw new ArgumentOutOfRangeException(nameof(retries), retries, "--retries must be 0 or more.")
        : this with { Retries = retries };

    public RetryPolicy WithFirstDelay(TimeSpan delay) => this with { FirstDelay = delay };

    /// <summary>The wait before attempt <paramref name="attempt"/> (2 is the first retry).</summary>
    public TimeSpan DelayBefore(int attempt) => FirstDelay * Math.Pow(2, Math.Max(0, attempt - 2));

    /// <summary>
    /// Runs <paramref name="attempt"/> (given the attempt number, from 1) until it succeeds, fails for a reason that is
    /// not transient, or the retries are used up; <paramref name="retrying"/> hears of each retry and why.
    /// </summary>
    public async Task<(T Result, int Attempts)> RunAsync<T>(
        Func<int, CancellationToken, Task<T>> attempt,
        Func<T, string?> transientError,
        Action<int, string>? retrying,
        CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            var result = await attempt(number, cancellationToken);
            if (number > Retries || transientError(result) is not { } why) return (result, number);
            retrying?.Invoke(number + 1, why);
            await Task.Delay(DelayBefore(number + 1), cancellationToken);
        }
    }
}
