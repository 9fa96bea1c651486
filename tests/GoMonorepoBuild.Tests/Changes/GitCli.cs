using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Tests.Changes;

/// <summary>The real git command line, for what LibGit2Sharp cannot do in tests (shallow clones).</summary>
internal static class GitCli
{
    static readonly Tool Git = Tool.Named("git")
        .WithEnvironment("GIT_CONFIG_NOSYSTEM", "1")
        .WithEnvironment("GIT_TERMINAL_PROMPT", "0");

    /// <summary><c>git clone --depth &lt;depth&gt; file://&lt;source&gt; &lt;target&gt;</c>: file:// makes git honour the depth locally.</summary>
    public static Task ShallowCloneAsync(string source, string target, int depth) =>
        Git.RunAsync(["clone", "--quiet", $"--depth={depth}", "--no-single-branch", "file://" + source, target], TestContext.Current.CancellationToken);

    public static Task CloneAsync(string source, string target) =>
        Git.RunAsync(["clone", "--quiet", "file://" + source, target], TestContext.Current.CancellationToken);
}
