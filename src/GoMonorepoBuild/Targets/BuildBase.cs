using System.Linq.Expressions;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// Base class of every build: <c>class Build : BuildBase { static int Main() => Execute&lt;Build&gt;(x => x.Compile); }</c>.
/// Knows targets and parameters only; nothing about Go or Docker.
/// </summary>
public abstract class BuildBase
{
    /// <summary>The folder that holds <c>.nuke/</c>.</summary>
    public string RootDirectory { get; internal set; } = Directory.GetCurrentDirectory();

    /// <summary><c>.nuke/temp</c>: ignored by git, holds logs, reports and generated files.</summary>
    public string TemporaryDirectory => Path.Combine(RootDirectory, ".nuke", "temp");

    /// <summary>Runs the build: parses the command line, plans and executes; returns the process exit code.</summary>
    protected static int Execute<T>(params Expression<Func<T, Target>>[] defaultTargets)
        where T : BuildBase, new()
        => throw new NotImplementedException("target engine: issue 2");
}
