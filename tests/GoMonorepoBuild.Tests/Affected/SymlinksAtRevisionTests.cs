using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>A revision's symbolic links (git stores the link, not its target) are handled as in the working tree.</summary>
public class SymlinksAtRevisionTests
{
    [Fact]
    public void A_revisions_links_are_written_as_links_and_the_model_at_that_revision_never_follows_them_out()
    {
        var outside = Directory.CreateTempSubdirectory("gmb-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "secret.txt"), "host secret");
            using var repo = new TestRepository();
            repo.Write("services/web/go.mod", "module example.com/web\n\ngo 1.23\n")
                .Write("services/web/main.go", "package main\n\nimport \"embed\"\n\n//go:embed templates\nvar t embed.FS\n\nfunc main() { ext() }\n")
                .Write("services/web/templates/ok.txt", "hi")
                .Write("shared/ext.go", "package main\n\nfunc ext() {}\n");
            File.CreateSymbolicLink(repo.Full("services/web/templates/leak.txt"), Path.Combine(outside, "secret.txt"));
            File.CreateSymbolicLink(repo.Full("services/web/templates/root"), "/");
            File.CreateSymbolicLink(repo.Full("services/web/ext.go"), "../../shared/ext.go");
            var sha = repo.Commit();

            string folder;
            using (var snapshot = TreeSnapshot.Write(repo.Root, sha, ".", cancellationToken: TestContext.Current.CancellationToken))
            {
                folder = snapshot.Folder!;
                Assert.Equal("/", new FileInfo(Path.Combine(folder, "services/web/templates/root")).LinkTarget);
                Assert.Equal(Path.Combine(outside, "secret.txt"), new FileInfo(Path.Combine(folder, "services/web/templates/leak.txt")).LinkTarget);

                var web = GoWorkspace.Load(folder, cancellationToken: TestContext.Current.CancellationToken).Service("web")!;

                Assert.Contains("services/web/templates/ok.txt", web.ImageInputs);
                Assert.Contains("services/web/ext.go", web.SourceFiles);
                Assert.Contains("shared/ext.go", web.ImageInputs);
                Assert.DoesNotContain(web.ImageInputs, p => p.Contains("leak") || p.Contains("root"));
            }
            Assert.False(Directory.Exists(folder));
            Assert.Equal("host secret", File.ReadAllText(Path.Combine(outside, "secret.txt"))); // disposing removed the link, not its target
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }
}
