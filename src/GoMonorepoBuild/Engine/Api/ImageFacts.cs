namespace GoMonorepoBuild.Engine.Api;

/// <summary>The parts of an image's inspection the build uses (names, labels, size, layers and run settings).</summary>
public sealed record ImageFacts(string Id, IReadOnlyList<string> RepoTags, IReadOnlyDictionary<string, string> Labels, long Size)
{
    public IReadOnlyList<string> Layers { get; init; } = [];

    /// <summary>Null when the image sets none (kept apart from an empty list: the builder identity tells them apart).</summary>
    public IReadOnlyList<string>? Env { get; init; }

    public string WorkingDir { get; init; } = "";

    public IReadOnlyList<string>? Entrypoint { get; init; }

    public IReadOnlyList<string>? Cmd { get; init; }

    public string? Label(string name) => Labels.TryGetValue(name, out var value) ? value : null;
}
