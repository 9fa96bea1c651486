using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Tests.Engine;

public sealed class PrivateAptTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("gmb-apt-").FullName;
    CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>A real, tiny .deb holding one file, built with dpkg-deb.</summary>
    async Task<string> BuildDebAsync(string name, string file)
    {
        var tree = Path.Combine(folder, "tree-" + name);
        Directory.CreateDirectory(Path.Combine(tree, "DEBIAN"));
        Directory.CreateDirectory(Path.Combine(tree, "usr", "share", name));
        await File.WriteAllTextAsync(Path.Combine(tree, "DEBIAN", "control"),
            $"Package: {name}\nVersion: 1.0\nArchitecture: all\nMaintainer: test <t@example.org>\nDescription: test\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(tree, "usr", "share", name, file), name, Ct);
        var archives = Directory.CreateDirectory(Path.Combine(folder, "cache", "archives")).FullName;
        var deb = Path.Combine(archives, $"{name}_1.0_all.deb");
        await Tool.Named("dpkg-deb").RunAsync(["--build", tree, deb], Ct);
        return deb;
    }

    [Fact]
    public async Task A_package_already_downloaded_is_not_fetched_again()
    {
        Provisioning.Require();
        var deb = await BuildDebAsync("gmb-hello", "hello.txt");
        var apt = new PrivateApt(Path.Combine(folder, "cache"));

        var debs = await apt.DownloadAsync([new DebianPackage("gmb-hello", "trixie")], Ct);

        Assert.Equal([deb], debs);
        Assert.False(File.Exists(Path.Combine(folder, "cache", "sources.list")), "apt was not even configured");
    }

    [Fact]
    public async Task The_same_packages_are_unpacked_once_and_a_different_set_replaces_the_folder()
    {
        Provisioning.Require();
        var hello = await BuildDebAsync("gmb-hello", "hello.txt");
        var other = await BuildDebAsync("gmb-other", "other.txt");
        var apt = new PrivateApt(Path.Combine(folder, "cache"));
        var destination = Path.Combine(folder, "root");

        await apt.UnpackAsync([hello], destination, Ct);
        var sentinel = Path.Combine(destination, "sentinel");
        await File.WriteAllTextAsync(sentinel, "", Ct);
        await apt.UnpackAsync([hello], destination, Ct);
        Assert.True(File.Exists(sentinel), "an unpacked folder with the same packages is left alone");

        await apt.UnpackAsync([hello, other], destination, Ct);
        Assert.False(File.Exists(sentinel));
        Assert.True(File.Exists(Path.Combine(destination, "usr", "share", "gmb-hello", "hello.txt")));
        Assert.True(File.Exists(Path.Combine(destination, "usr", "share", "gmb-other", "other.txt")));
        Assert.False(Directory.Exists(destination + ".partial"));
    }
}
