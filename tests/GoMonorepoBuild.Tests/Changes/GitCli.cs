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

    /// <summary>
    /// <c>git clone --filter=&lt;filter&gt; [--depth] file://&lt;source&gt; &lt;target&gt;</c>, as CI checkouts make them; the source
    /// must allow filters (<c>uploadpack.allowFilter</c>), which <see cref="AllowFilters"/> sets.
    /// </summary>
    public static Task PartialCloneAsync(string source, string target, string filter, int? depth = null) =>
        Git.RunAsync(["clone", "--quiet", $"--filter={filter}", "--no-single-branch",
            .. depth is null ? Array.Empty<string>() : [$"--depth={depth}"], "file://" + source, target], TestContext.Current.CancellationToken);

    public static Task AllowFilters(string repository) =>
        Git.WithWorkingDirectory(repository).RunAsync(["config", "uploadpack.allowFilter", "true"], TestContext.Current.CancellationToken);

    /// <summary>Object ids that the clone at <paramref name="repository"/> knows of but does not hold (promised by its remote).</summary>
    public static async Task<IReadOnlyList<string>> MissingObjectsAsync(string repository)
    {
        var result = await Git.WithWorkingDirectory(repository).WithEnvironment("GIT_NO_LAZY_FETCH", "1")
            .RunAsync(["rev-list", "--objects", "--all", "--missing=print"], TestContext.Current.CancellationToken);
        return result.StandardOutput.Split('\n').Where(l => l.StartsWith('?')).Select(l => l[1..].Trim()).ToList();
    }

    public static Task RunAsync(string repository, params string[] arguments) =>
        Git.WithWorkingDirectory(repository).RunAsync(arguments, TestContext.Current.CancellationToken);

    public static async Task<string> OutputAsync(string repository, params string[] arguments) =>
        (await Git.WithWorkingDirectory(repository).RunAsync(arguments, TestContext.Current.CancellationToken)).StandardOutput.Trim();

    public static Task CloneAsync(string source, string target) =>
        Git.RunAsync(["clone", "--quiet", "file://" + source, target], TestContext.Current.CancellationToken);

    /// <summary>git with an identity, and file:// allowed for submodules (git 2.38.1+ refuses it by default).</summary>
    public static Task CommitterAsync(string repository, params string[] arguments) =>
        RunAsync(repository, ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "protocol.file.allow=always", .. arguments]);

    /// <summary>
    /// Makes <paramref name="super"/> a superproject (a README, committed) holding the repository at
    /// <paramref name="source"/> as the submodule <c>sub</c>, checked out, and commits it.
    /// </summary>
    public static async Task AddSubmoduleAsync(TestRepository super, string source)
    {
        super.Write("README.md", "super\n").Commit("super");
        await CommitterAsync(super.Root, "submodule", "add", "-q", "file://" + source, "sub");
        await CommitterAsync(super.Root, "commit", "-q", "-m", "add the submodule");
    }

    /// <summary>The clone's packs unpacked into loose objects, so that one object can be taken away.</summary>
    public static async Task LooseObjectsOnlyAsync(string repository)
    {
        var packs = Path.Combine(repository, ".git", "objects", "pack");
        foreach (var pack in Directory.GetFiles(packs, "*.pack"))
        {
            var moved = Path.Combine(Path.GetTempPath(), "gmb-pack-" + Guid.NewGuid().ToString("N"));
            File.Move(pack, moved);
            File.Delete(Path.ChangeExtension(pack, ".idx"));
            try
            {
                await CliWrap.Cli.Wrap("git").WithArguments(["-C", repository, "unpack-objects", "-q"])
                    .WithStandardInputPipe(CliWrap.PipeSource.FromFile(moved)).ExecuteAsync(TestContext.Current.CancellationToken);
            }
            finally
            {
                File.Delete(moved);
            }
        }
    }
}
