namespace GoMonorepoBuild.Engine.Api;

/// <summary>What the engine says of itself: <c>docker version</c>'s server side.</summary>
public sealed record EngineVersion(string Version, string ApiVersion, string Os, string Arch)
{
    /// <summary>The engine's own platform, e.g. <c>linux/amd64</c>.</summary>
    public string Platform => $"{Os}/{Arch}";
}
