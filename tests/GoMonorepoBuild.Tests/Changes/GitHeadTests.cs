using GoMonorepoBuild.Changes;
using LibGit2Sharp;

namespace GoMonorepoBuild.Tests.Changes;

public class GitHeadTests
{
    [Fact]
    public void A_monorepo_in_a_subfolder_of_a_repository_builds_from_the_repository_head()
    {
        var root = Directory.CreateTempSubdirectory("gmb-head-").FullName;
        try
        {
            Repository.Init(root);
            var sub = Directory.CreateDirectory(Path.Combine(root, "examples", "monorepo")).FullName;
            File.WriteAllText(Path.Combine(sub, "go.work"), "go 1.23\n");
            string sha;
            using (var repo = new Repository(root))
            {
                Commands.Stage(repo, "*");
                var when = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
                sha = repo.Commit("first", new Signature("t", "t@example.com", when), new Signature("t", "t@example.com", when)).Sha;
            }

            var head = GitHead.Find(sub);
            Assert.NotNull(head);
            Assert.Equal(sha, head.Sha);
            Assert.Equal(sha[..12], head.ShortSha);
            Assert.Equal(1767323045, head.CommitTime.ToUnixTimeSeconds());
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void A_folder_outside_git_has_no_head()
    {
        var folder = Directory.CreateTempSubdirectory("gmb-nogit-");
        try { Assert.Null(GitHead.Find(folder.FullName)); }
        finally { folder.Delete(true); }
    }
}
