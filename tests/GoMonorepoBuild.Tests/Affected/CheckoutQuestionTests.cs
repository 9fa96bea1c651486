using GoMonorepoBuild.Affected;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>
/// The clean-checkout question asked ahead (issue 17 item 5): its answer is only for the commit it asked about, and a
/// question nobody reads any more is called off and waited for, so no git process outlives the analysis.
/// </summary>
public class CheckoutQuestionTests
{
    static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_answer_is_given_for_the_commit_asked_about_only()
    {
        await using var question = CheckoutQuestion.Start("abc", _ => Task.FromResult(true), Token);

        Assert.True(await question.AnswerFor("abc")!);
        Assert.Null(question.AnswerFor("def"));
    }

    [Fact]
    public async Task A_question_called_off_ends_its_ask_and_the_analysis_waits_for_that_end()
    {
        var ended = false;
        var started = new TaskCompletionSource();
        var question = CheckoutQuestion.Start("abc", async token =>
        {
            try
            {
                started.SetResult();
                await Task.Delay(TimeSpan.FromSeconds(20), token);
                return true;
            }
            finally
            {
                await Task.Delay(50, CancellationToken.None);
                ended = true;
            }
        }, Token);
        await started.Task;

        question.CallOff();
        await question.DisposeAsync();

        Assert.True(ended);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => question.AnswerFor("abc")!);
    }

    [Fact]
    public async Task An_answer_already_given_stays_when_the_question_is_called_off()
    {
        var question = CheckoutQuestion.Start("abc", _ => Task.FromResult(true), Token);
        Assert.True(await question.AnswerFor("abc")!);

        question.CallOff();
        await question.DisposeAsync();

        Assert.True(await question.AnswerFor("abc")!);
    }

    [Fact]
    public async Task A_failed_question_fails_its_reader_and_not_the_end_of_the_analysis()
    {
        var question = CheckoutQuestion.Start("abc", _ => Task.FromException<bool>(new IOException("git went away")), Token);
        await Assert.ThrowsAsync<IOException>(() => question.AnswerFor("abc")!);

        await question.DisposeAsync();
    }
}
