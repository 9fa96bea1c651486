using GoMonorepoBuild.Inputs;
using GoMonorepoBuild.Processes;
using LibGit2Sharp;

namespace GoMonorepoBuild.Tests.Inputs;

public class FileDigestsTests : IDisposable
{
    readonly string repoRoot = Directory.CreateTempSubdirectory("gmb-digests-").FullName;
    string Monorepo => Path.Combine(repoRoot, "mono");

    [Fact]
    public async Task A_digest_is_the_id_git_gives_the_same_content()
    {
        var file = Path.Combine(repoRoot, "a.go");
        await File.WriteAllTextAsync(file, "package a\n", TestContext.Current.CancellationToken);
        var git = await Tool.Named("git").RunAsync(["hash-object", file], TestContext.Current.CancellationToken);
        Assert.Equal(git.StandardOutput.Trim(), GitBlobId.OfFile(file));
    }

    [Fact]
    public void Digests_from_the_index_equal_digests_from_content_for_committed_staged_modified_and_untracked_files()
    {
        Write("mono/go.mod", "module m\n");
        Write("mono/a/a.go", "package a\n");
        Write("mono/b/b.go", "package b\n");
        Write("outside.txt", "x\n");
        using (var repo = new Repository(Repository.Init(repoRoot)))
        {
            Commands.Stage(repo, "*");
            var me = new Signature("t", "t@example.com", DateTimeOffset.UnixEpoch);
            repo.Commit("first", me, me);
            Write("mono/a/a.go", "package a // staged\n");
            Commands.Stage(repo, "mono/a/a.go");
        }
        Write("mono/b/b.go", "package b // modified, not staged\n");
        Write("mono/c/c.go", "package c // untracked\n");

        var fromGit = GitIndexDigests.For(Monorepo, cancellationToken: TestContext.Current.CancellationToken);
        var fromContent = new ContentDigests(Monorepo);

        Assert.IsType<GitIndexDigests>(fromGit);
        foreach (var path in new[] { "go.mod", "a/a.go", "b/b.go", "c/c.go" })
            Assert.Equal(fromContent.Of(path), fromGit.Of(path));
    }

    [Fact]
    public void Outside_git_digests_come_from_content()
    {
        Write("mono/go.mod", "module m\n");
        var digests = GitIndexDigests.For(Monorepo, cancellationToken: TestContext.Current.CancellationToken);
        Assert.IsType<ContentDigests>(digests);
        Assert.Equal(GitBlobId.OfFile(Path.Combine(Monorepo, "go.mod")), digests.Of("go.mod"));
    }

    [Fact]
    public void A_missing_input_is_an_error_naming_it()
    {
        Directory.CreateDirectory(Monorepo);
        var e = Assert.Throws<FileNotFoundException>(() => new ContentDigests(Monorepo).Of("libs/gone.go"));
        Assert.Contains("libs/gone.go", e.Message);
    }

    void Write(string relative, string text)
    {
        var path = Path.Combine(repoRoot, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => Directory.Delete(repoRoot, recursive: true);
}
