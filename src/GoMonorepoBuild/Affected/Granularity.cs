namespace GoMonorepoBuild.Affected;

/// <summary>How precisely changed files are mapped to services.</summary>
public enum Granularity
{
    /// <summary>Through packages: a file affects the services whose image it is an input of (the precise default).</summary>
    Package,
    /// <summary>Through modules: a file affects every service whose module closure contains the file's module.</summary>
    Module,
}
