namespace GoMonorepoBuild.Reports;

/// <summary>Build steps of one service: how many there were and how many BuildKit answered from its cache.</summary>
public sealed record StepCounts(int Total, int Cached)
{
    public static StepCounts None { get; } = new(0, 0);

    public int Run => Total - Cached;

    /// <summary>Cached / total; 0 when nothing ran.</summary>
    public double HitRatio => Total == 0 ? 0 : (double)Cached / Total;
}
