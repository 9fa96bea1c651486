namespace GoMonorepoBuild.Tests.Support;

/// <summary>
/// A cancellation that fires at the <c>count</c>-th counted step (a file scanned, digested, staged, a folder walked): the
/// cancellation tests count work, never time, so "no further file" is an exact assertion on any machine's speed.
/// </summary>
public sealed class CancelAfter(int count) : IDisposable
{
    readonly CancellationTokenSource source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
    int counted;

    public CancellationToken Token => source.Token;

    /// <summary>The steps counted so far (they go on after the cancellation, so a test can show none did).</summary>
    public int Counted => Volatile.Read(ref counted);

    /// <summary>Counts one step; the <c>count</c>-th cancels the token. Safe from several threads.</summary>
    public void Step()
    {
        if (Interlocked.Increment(ref counted) == count) source.Cancel();
    }

    public void Dispose() => source.Dispose();
}
