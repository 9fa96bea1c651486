using GoMonorepoBuild.Targets;
namespace GoMonorepoBuild.Engine;

/// <summary>
/// Where GoMonorepoBuild keeps its private engine, Go toolchains and package downloads, and how long it waits.
/// The package cache can be shared between homes so a second home never downloads again.
/// </summary>
public sealed record EngineOptions
{
    public EngineOptions(string home) => Home = Path.GetFullPath(home);

    public EngineOptions() : this(DefaultHome()) { }

    /// <summary>The state home: <c>$GMB_HOME</c>, else <c>$XDG_CACHE_HOME/gomonorepobuild</c>, else <c>~/.cache/gomonorepobuild</c>.</summary>
    public string Home { get; init; }

    /// <summary>Private apt state (sources list, package lists, downloaded .deb files); default <c>&lt;Home&gt;/apt</c>.</summary>
    public string PackageCache { get => packageCache ?? Path.Combine(Home, "apt"); init => packageCache = value; }
    readonly string? packageCache;

    /// <summary>The engine the user configured, tried first; null never uses one (only the private engine).</summary>
    public DockerEnvironment? AmbientEngine { get; init; } = DockerEnvironment.Ambient;

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one probe of an engine (docker version, buildx version) may take before it counts as not answering.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a pull of the default builder image may try; no registry may be reachable, so keep it short.</summary>
    public TimeSpan PullTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public EngineOptions WithHome(string home) => this with { Home = Path.GetFullPath(home) };
    public EngineOptions WithPackageCache(string directory) => this with { PackageCache = Path.GetFullPath(directory) };
    public EngineOptions WithAmbientEngine(DockerEnvironment? engine) => this with { AmbientEngine = engine };
    public EngineOptions WithoutAmbientEngine() => this with { AmbientEngine = null };
    public EngineOptions WithStartTimeout(TimeSpan timeout) => this with { StartTimeout = timeout };
    public EngineOptions WithStopTimeout(TimeSpan timeout) => this with { StopTimeout = timeout };
    public EngineOptions WithProbeTimeout(TimeSpan timeout) => this with { ProbeTimeout = timeout };
    public EngineOptions WithPullTimeout(TimeSpan timeout) => this with { PullTimeout = timeout };

    public static string DefaultHome()
    {
        var explicitHome = ProcessEnvironment.Variable("GMB_HOME");
        if (!string.IsNullOrEmpty(explicitHome)) return Path.GetFullPath(explicitHome);
        var cache = ProcessEnvironment.Variable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache))
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "gomonorepobuild");
    }
}
