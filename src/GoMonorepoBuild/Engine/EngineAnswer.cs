namespace GoMonorepoBuild.Engine;

/// <summary>Whether an engine answered <c>docker version</c> and <c>docker buildx version</c>, and if not, what it said.</summary>
internal sealed record EngineAnswer(bool Answers, string Detail)
{
    public static EngineAnswer Yes { get; } = new(true, "");

    public static EngineAnswer No(string detail) => new(false, detail);
}
