namespace GoMonorepoBuild.Changes;

/// <summary>
/// How far a shallow clone may be deepened looking for the base: steps that double from <see cref="FirstStep"/>
/// until <see cref="Limit"/> commits in total have been fetched. A limit of 0 never fetches.
/// </summary>
public sealed record DeepenPolicy(int Limit, int FirstStep = 50)
{
    public static readonly DeepenPolicy Default = new(1000);

    public IEnumerable<int> Steps()
    {
        var total = 0;
        for (var step = FirstStep; total < Limit; step *= 2)
        {
            var next = Math.Min(step, Limit - total);
            total += next;
            yield return next;
        }
    }
}
