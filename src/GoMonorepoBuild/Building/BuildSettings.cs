namespace GoMonorepoBuild.Building;

/// <summary>
/// How BuildChanged builds every service, from its parameters: where images go and how they are tagged, the platforms,
/// builder, network and cache, how many build at once, what a failure stops, how often a transient error is retried,
/// and where logs and buildx metadata are written.
/// </summary>
public sealed record BuildSettings(string Registry, string LogsDirectory, string MetadataDirectory)
{
    /// <summary>Extra tags besides the commit (--tags), <c>{branch}</c> expanded to <see cref="Branch"/>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = ["latest"];

    /// <summary>The checked-out branch, read only when a tag asks for it.</summary>
    public string? Branch { get; init; }

    /// <summary>Push to the registry instead of loading into the engine.</summary>
    public bool Push { get; init; }

    public IReadOnlyList<string> Platforms { get; init; } = [];

    /// <summary>A buildx builder to build with (null: the engine's own).</summary>
    public string? Builder { get; init; }

    /// <summary>The network RUN steps get (the private engine has no bridge).</summary>
    public string? Network { get; init; }

    public BuildCache Cache { get; init; } = BuildCache.None;

    public BoundedScheduler Scheduler { get; init; } = new(BoundedScheduler.DefaultParallelism);

    public RetryPolicy Retries { get; init; } = RetryPolicy.Default;
}
