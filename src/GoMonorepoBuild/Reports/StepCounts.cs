namespace GoMonorepoBuild.Reports;

/// <summary>Build steps of one service: how many there were and how many BuildKit answered from its cache.</summary>
public sealed record StepCounts(int Total, int Cached)
{
    public static StepCounts None { get; } = new(0, 0);

    /// <summary>Steps that were not cached (ran, failed or never finished). Serialised (as a read-only property) for readers of the JSON.</summary>
    public int Run => Total - Cached;

    /// <summary>Cached / total, rounded to 4 decimals so the JSON stays readable; 0 when nothing ran.</summary>
    public double HitRatio => Total == 0 ? 0 : Math.Round((double)Cached / Total, 4);
}
