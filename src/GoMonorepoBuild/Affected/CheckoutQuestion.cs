using GoMonorepoBuild.Changes;

namespace GoMonorepoBuild.Affected;

/// <summary>
/// Whether the checkout holds the head commit in the monorepo's folder (<see cref="CleanCheckout"/>), asked as soon as
/// the kept model's lookup misses when <c>--head</c> names the commit checked out, beside the base's resolution and the
/// changes' listing rather than after them: git's status walk is the longest step of a first analysis at a new commit,
/// and it depends on nothing those steps find (issue 17 item 5; asked from the analysis's very start it competed for
/// the two cores with the index read and the model load, and the analysis was slower). Called off, with its git
/// processes, when no answer is wanted or the run ends without one.
/// </summary>
internal sealed class CheckoutQuestion : IAsyncDisposable
{
    readonly CancellationTokenSource cancellation;
    readonly Task<bool> answer;

    CheckoutQuestion(string sha, Func<CancellationToken, Task<bool>> ask, CancellationToken cancellationToken)
    {
        Sha = sha;
        cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = cancellation.Token;
        answer = Task.Run(() => ask(token), token);
    }

    /// <summary>The commit asked about.</summary>
    public string Sha { get; }

    /// <summary>Starts asking, by <paramref name="ask"/>, whether the checkout holds <paramref name="sha"/>.</summary>
    public static CheckoutQuestion Start(string sha, Func<CancellationToken, Task<bool>> ask, CancellationToken cancellationToken) =>
        new(sha, ask, cancellationToken);

    /// <summary>The answer when <paramref name="sha"/> is the commit asked about; null otherwise (then the caller asks itself).</summary>
    public Task<bool>? AnswerFor(string sha) => sha == Sha ? answer : null;

    /// <summary>Calls the question off when it is still being asked: its answer will not be read.</summary>
    public void CallOff()
    {
        if (!answer.IsCompleted) cancellation.Cancel();
    }

    /// <summary>Calls the question off and waits for its git processes to end: none outlives the analysis.</summary>
    public async ValueTask DisposeAsync()
    {
        CallOff();
        try
        {
            await answer;
        }
        catch (Exception)
        {
            // Its failure was the answer's to report, where it was awaited; unread, it changes nothing.
        }
        cancellation.Dispose();
    }
}
