using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>
/// The folder that carries Go's caches between runners: a component without targets, for the Go cache targets and for
/// BuildChanged, which seeds and exports by itself when it is set.
/// </summary>
public interface IGoCacheFolder : IMonorepoBuild
{
    [Parameter("A folder that carries Go's module and build caches between runners (e.g. a CI cache folder): BuildChanged seeds the engine from it before building and exports into it after", Name = "GoCache")]
    string? GoCacheDir { get; set; }
}
