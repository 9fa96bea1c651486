using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Building;

/// <summary>A copy of examples/monorepo inside a test's build root, to edit (break a service, add a Dockerfile) freely.</summary>
sealed class MonorepoCopy
{
    public MonorepoCopy(RealBuild build)
    {
        Path = System.IO.Path.Combine(build.Root, "monorepo");
        Copy(RealBuild.ExampleMonorepo, Path);
    }

    public string Path { get; }

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public void Append(string relative, string text) => File.AppendAllText(this[relative], text);

    public void Write(string relative, string text)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(this[relative])!);
        File.WriteAllText(this[relative], text);
    }

    public void WriteAll(IReadOnlyDictionary<string, string> files)
    {
        foreach (var (relative, text) in files) Write(relative, text);
    }

    /// <summary>Makes the copy a git repository with one commit, so runs have a commit to tag and diff against.</summary>
    public async Task CommitAsync(string message)
    {
        var git = Tool.Named("git").WithWorkingDirectory(Path)
            .WithEnvironment("GIT_AUTHOR_NAME", "test").WithEnvironment("GIT_AUTHOR_EMAIL", "test@example.com")
            .WithEnvironment("GIT_COMMITTER_NAME", "test").WithEnvironment("GIT_COMMITTER_EMAIL", "test@example.com");
        if (!Directory.Exists(this[".git"])) await git.RunAsync(["init", "-q", "-b", "main"], TestContext.Current.CancellationToken);
        await git.RunAsync(["add", "-A"], TestContext.Current.CancellationToken);
        await git.RunAsync(["commit", "-q", "-m", message], TestContext.Current.CancellationToken);
    }

    static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file)));
    }
}
