using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Tests.Targets;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>
/// <c>--monorepo</c> reached through a symbolic link (absolute or relative, to the monorepo or to a folder above it) is
/// the same monorepo: git knows the repository by its real path, so the answer must be the real path's.
/// </summary>
public class LinkedMonorepoTests : IDisposable
{
    readonly TestRepository repo = new();
    readonly string links = Directory.CreateTempSubdirectory("gmb-links-").FullName;
    readonly string baseSha;

    public LinkedMonorepoTests()
    {
        SampleMonorepo.WriteTo(repo, prefix: "go").Write("docs/guide.md", "guide\n");
        baseSha = repo.Commit("base");
        File.CreateSymbolicLink(Path.Combine(links, "absolute"), repo.Full("go"));
        File.CreateSymbolicLink(Path.Combine(links, "relative"), Path.GetRelativePath(links, repo.Full("go")));
        File.CreateSymbolicLink(Path.Combine(links, "checkout"), repo.Root);
    }

    public void Dispose()
    {
        Directory.Delete(links, recursive: true); // removes the links, never what they point to
        repo.Dispose();
    }

    public static TheoryData<string, string?> Paths => new()
    {
        { "absolute", null }, { "absolute", "HEAD" },
        { "relative", null }, { "relative", "HEAD" },
        { "checkout/go", null }, { "checkout/go", "HEAD" },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_monorepo_reached_through_a_link_gives_the_same_answer_as_its_real_path(string link, string? head)
    {
        repo.Write("go/libs/auth/token.go", "package auth\n\nfunc Token() string { return \"v2\" }\n").Write("docs/guide.md", "guide v2\n");
        if (head is not null) repo.Commit("change");

        var real = await Analyse.RunAsync(repo.Full("go"), baseSha, configure: r => r.WithHead(head));
        var linked = await Analyse.RunAsync(Path.Combine(links, link), baseSha, configure: r => r.WithHead(head));

        Assert.Equal(["orders"], real.Names());
        Assert.Equal(real.Names(), linked.Names());
        Assert.Equal(real.ChangedFiles, linked.ChangedFiles);
        Assert.Equal(["libs/auth/token.go"], linked.ChangedFiles);
        Assert.Equal(1, linked.OutsideFiles);
        Assert.Equal(real.ReasonOf("orders").ChainText, linked.ReasonOf("orders").ChainText);
    }

    sealed class AffectedBuild : MonorepoBuild
    {
        protected override IReadOnlyDictionary<string, string?> CiVariables() => new Dictionary<string, string?>();
    }

    [Fact]
    public async Task A_build_root_outside_the_repository_analyses_a_linked_monorepo_like_the_real_one()
    {
        var buildRoot = Directory.CreateTempSubdirectory("gmb-buildroot-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(buildRoot, "placeholder.txt"), "");
            Directory.CreateDirectory(Path.Combine(buildRoot, ".nuke"));
            File.WriteAllText(Path.Combine(buildRoot, ".nuke", "parameters.json"), "{}\n");
            repo.Write("go/libs/util/util.go", "package util\n\nfunc Do() { }\n");

            var viaLink = await InProcessBuild.RunAsync(new AffectedBuild(), buildRoot,
                ["Affected", "--monorepo", Path.GetRelativePath(buildRoot, Path.Combine(links, "relative")), "--base", baseSha, "--output", "linked.json"]);
            var viaReal = await InProcessBuild.RunAsync(new AffectedBuild(), buildRoot,
                ["Affected", "--monorepo", repo.Full("go"), "--base", baseSha, "--output", "real.json"]);

            Assert.True(viaLink.ExitCode == 0, viaLink.Output + viaLink.Error);
            Assert.True(viaReal.ExitCode == 0, viaReal.Output + viaReal.Error);
            var linked = File.ReadAllText(Path.Combine(buildRoot, "linked.json"));
            Assert.Contains("\"payments\"", linked);
            Assert.Equal(File.ReadAllText(Path.Combine(buildRoot, "real.json")), linked);
        }
        finally
        {
            Directory.Delete(buildRoot, recursive: true);
        }
    }
}
