using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Workspace;

public class MonorepoFilesTests
{
    [Fact]
    public void A_link_inside_the_monorepo_is_read_as_the_file_it_points_to()
    {
        using var tree = new TempTree();
        tree.Write("real/a.txt", "inside");
        File.CreateSymbolicLink(Path.Combine(tree.Root, "a.txt"), "real/a.txt");
        var files = new MonorepoFiles(tree.Root);

        Assert.Equal("inside", files.ReadAllText("a.txt"));
        Assert.Equal("real/a.txt", files.ResolveRelative("a.txt"));
        Assert.Equal(EntryKind.Link, files.KindOf("a.txt"));
    }

    [Fact]
    public void A_link_out_of_the_monorepo_is_refused_naming_the_file_and_the_link()
    {
        using var outside = new TempTree();
        outside.Write("secret.txt", "host secret");
        using var tree = new TempTree();
        Directory.CreateDirectory(Path.Combine(tree.Root, "svc"));
        File.CreateSymbolicLink(Path.Combine(tree.Root, "svc", "leak.txt"), Path.Combine(outside.Root, "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(tree.Root, "svc", "up"), "../..");
        var files = new MonorepoFiles(tree.Root);

        var e = Assert.Throws<OutsideMonorepoException>(() => files.ReadAllText("svc/leak.txt"));
        Assert.Equal(("svc/leak.txt", "svc/leak.txt"), (e.Path, e.Link));
        Assert.Contains("svc/leak.txt", e.Message);
        var through = Assert.Throws<OutsideMonorepoException>(() => files.ReadAllBytes("svc/up/etc/passwd"));
        Assert.Equal("svc/up", through.Link);
    }

    [Fact]
    public void A_link_to_the_file_system_root_is_never_walked()
    {
        using var tree = new TempTree();
        tree.Write("pkg/a.txt", "a");
        File.CreateSymbolicLink(Path.Combine(tree.Root, "pkg", "everything"), "/");
        var files = new MonorepoFiles(tree.Root);

        Assert.Equal(["pkg/a.txt"], files.EnumerateFiles("pkg"));
        Assert.Throws<OutsideMonorepoException>(() => files.List("pkg/everything"));
    }
}
