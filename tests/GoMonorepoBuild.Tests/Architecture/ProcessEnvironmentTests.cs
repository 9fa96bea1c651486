using System.Text.RegularExpressions;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Architecture;

/// <summary>
/// Targets/ProcessEnvironment is the only reader of the process environment: a run's variables come from its RunContext,
/// so a test (or an in-process build) that gives its own environment is not overruled by the process's.
/// </summary>
public class ProcessEnvironmentTests
{
    static readonly string Source = Path.Combine(RealBuild.RepositoryRoot, "src", "GoMonorepoBuild");

    [Fact]
    public void Nothing_else_in_src_reads_the_process_environment()
    {
        var readers = Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => Path.GetRelativePath(Source, f).Replace('\\', '/') != "Targets/ProcessEnvironment.cs")
            .Where(f => Reader().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Source, f))
            .ToList();

        Assert.True(readers.Count == 0, $"read the environment through Targets/ProcessEnvironment or the run's RunContext instead: {string.Join(", ", readers)}");
    }

    [Fact]
    public void The_rule_sees_a_reader() =>
        Assert.Matches(Reader(), File.ReadAllText(Path.Combine(Source, "Targets", "ProcessEnvironment.cs")));

    static Regex Reader() => new(@"Environment\.GetEnvironmentVariables?\(");
}
