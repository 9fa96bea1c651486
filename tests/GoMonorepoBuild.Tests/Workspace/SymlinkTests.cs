using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Workspace;

/// <summary>Symbolic links in a monorepo, treated as go build 1.23 treats them (checked with the real go command).</summary>
public class SymlinkTests
{
    private static TempTree Web(string embed)
    {
        var tree = new TempTree();
        tree.Module("services/web", "example.com/web")
            .Write("services/web/main.go", $"package main\n\nimport \"embed\"\n\n//go:embed {embed}\nvar t embed.FS\n\nfunc main() {{}}\n")
            .Write("services/web/templates/ok.txt", "hi")
            .Write("inside/real.txt", "real");
        return tree;
    }

    private static void Link(TempTree tree, string path, string target) => File.CreateSymbolicLink(Path.Combine(tree.Root, path), target);

    [Fact]
    public void Links_inside_an_embedded_folder_are_left_out_like_go_build_does_whether_they_lead_in_or_out()
    {
        using var outside = new TempTree();
        outside.Write("secret.txt", "host secret");
        using var tree = Web("templates");
        Link(tree, "services/web/templates/leak.txt", Path.Combine(outside.Root, "secret.txt"));
        Link(tree, "services/web/templates/root", "/");
        Link(tree, "services/web/templates/inrepo.txt", "../../../inside/real.txt");

        var web = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken).Service("web")!;

        Assert.Contains("services/web/templates/ok.txt", web.ImageInputs);
        Assert.DoesNotContain(web.ImageInputs, p => p.Contains("leak") || p.Contains("root") || p.Contains("inrepo"));
    }

    [Theory]
    [InlineData("templates/leak.txt")]
    [InlineData("templates/l*")]
    public void An_embed_pattern_naming_a_link_is_refused_with_go_builds_message_and_the_files_path(string pattern)
    {
        using var outside = new TempTree();
        outside.Write("secret.txt", "host secret");
        using var tree = Web(pattern);
        Link(tree, "services/web/templates/leak.txt", Path.Combine(outside.Root, "secret.txt"));

        var e = Assert.Throws<WorkspaceException>(() => GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken).ThrowIfProblems());

        Assert.Equal(("services/web/main.go", 5), (e.File, e.Line));
        Assert.Contains($"pattern {pattern}: cannot embed irregular file templates/leak.txt", e.Message);
        Assert.Contains("services/web/templates/leak.txt", e.Message);
        Assert.Equal(["web"], e.BlockedServices);
    }

    [Fact]
    public void An_embed_pattern_through_a_linked_folder_is_refused_as_in_non_directory()
    {
        using var tree = Web("templates/indir/real.txt");
        Link(tree, "services/web/templates/indir", "../../../inside");

        var e = Assert.Throws<WorkspaceException>(() => GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken).ThrowIfProblems());

        Assert.Contains("cannot embed file templates/indir/real.txt: in non-directory templates/indir", e.Message);
    }

    [Fact]
    public void A_linked_go_file_inside_the_monorepo_is_compiled_and_its_target_is_an_input()
    {
        using var tree = new TempTree();
        tree.Module("services/api", "example.com/api")
            .Write("services/api/main.go", "package main\n\nfunc main() { ext() }\n")
            .Write("shared/ext.go", "package main\n\nfunc ext() {}\n");
        Link(tree, "services/api/ext.go", "../../shared/ext.go");

        var api = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken).Service("api")!;

        Assert.Contains("services/api/ext.go", api.SourceFiles);
        Assert.Contains("shared/ext.go", api.ImageInputs);
    }

    [Fact]
    public void A_linked_go_file_leading_out_of_the_monorepo_is_refused_naming_it_and_blocking_its_service()
    {
        using var outside = new TempTree();
        outside.Write("ext.go", "package main\n\nfunc ext() {}\n");
        using var tree = new TempTree();
        tree.Module("services/api", "example.com/api").Write("services/api/main.go", "package main\n\nfunc main() { ext() }\n");
        Link(tree, "services/api/ext.go", Path.Combine(outside.Root, "ext.go"));

        var e = Assert.Throws<OutsideMonorepoException>(() => GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken).ThrowIfProblems());

        Assert.Equal("services/api/ext.go", e.Path);
        Assert.Equal(["api"], e.BlockedServices);
    }
}
