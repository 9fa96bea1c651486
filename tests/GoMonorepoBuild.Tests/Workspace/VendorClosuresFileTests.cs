using System.Security.Cryptography;
using System.Text;
using GoMonorepoBuild.Workspace.Cache;

namespace GoMonorepoBuild.Tests.Workspace;

/// <summary>
/// The file of vendored closures kept across runs (<see cref="VendorClosures"/>), as runs use it: one run commits what it
/// proposed, a later run finds it exactly, whatever the strings hold; only the latest few are kept; a damaged file or
/// one of another format is no entry and is replaced whole by the next commit; a proposal never committed is never kept.
/// </summary>
public sealed class VendorClosuresFileTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("gmb-closures-").FullName;

    string File => Path.Combine(folder, "parse-cache", "vendor-closures.bin");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Strings whose length prefixes take one, two and three bytes, non-ASCII text, and an empty list.</summary>
    static VendorClosures.Entry Sample(int n) => new(
        [$"github.com/example/p{n}", "golang.org/x/net/http2", "ünïcødé/包/" + n],
        [$"vendor/github.com/example/p{n}/a.go", "vendor/" + new string('x', 200) + ".go", "vendor/" + new string('é', 9000) + ".go"],
        n % 2 == 0 ? [] : [$"vendored package p{n}: a warning"]);

    static void Same(VendorClosures.Entry expected, VendorClosures.Entry actual)
    {
        Assert.Equal(expected.Packages, actual.Packages);
        Assert.Equal(expected.Files, actual.Files);
        Assert.Equal(expected.Warnings, actual.Warnings);
    }

    void Run(params (string Key, VendorClosures.Entry Entry)[] proposals)
    {
        var closures = new VendorClosures(File);
        foreach (var (key, entry) in proposals) closures.Propose(key, entry);
        closures.Commit();
    }

    [Fact]
    public void A_closure_committed_by_one_run_is_found_by_a_later_run_exactly_as_proposed()
    {
        Run(("k1", Sample(1)), ("k2", Sample(2)));
        Run(("k3", Sample(3)));

        var later = new VendorClosures(File);
        foreach (var n in new[] { 1, 2, 3 })
        {
            Assert.True(later.TryGet($"k{n}", out var found), $"k{n} not found");
            Same(Sample(n), found);
        }
        Assert.False(later.TryGet("k4", out _));
        Assert.Equal(3, later.Hits);
    }

    [Fact]
    public void Only_the_latest_eight_closures_are_kept_and_a_key_proposed_again_holds_its_new_closure()
    {
        for (var n = 1; n <= 10; n++) Run(($"k{n}", Sample(n)));
        Run(("k9", Sample(100)));

        var later = new VendorClosures(File);
        Assert.False(later.TryGet("k1", out _));
        Assert.False(later.TryGet("k2", out _));
        for (var n = 3; n <= 10; n++) Assert.True(later.TryGet($"k{n}", out _), $"k{n} not kept");
        Assert.True(later.TryGet("k9", out var again));
        Same(Sample(100), again);
    }

    [Fact]
    public void A_damaged_file_is_no_entry_and_the_next_commit_writes_a_good_one()
    {
        Run(("k1", Sample(1)));
        var bytes = System.IO.File.ReadAllBytes(File);
        bytes[bytes.Length / 2] ^= 0x55;
        System.IO.File.WriteAllBytes(File, bytes);

        Assert.False(new VendorClosures(File).TryGet("k1", out _));
        Run(("k2", Sample(2)));
        var later = new VendorClosures(File);
        Assert.True(later.TryGet("k2", out var found));
        Same(Sample(2), found);
        Assert.False(later.TryGet("k1", out _));
    }

    [Fact]
    public void A_file_of_the_earlier_format_is_no_entry()
    {
        // Format 1: every entry's lists right after its key, no length: read as format 2 it would misplace every entry.
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("gomonorepobuild vendor closures");
            writer.Write(1);
            writer.Write(1);
            writer.Write("k1");
            foreach (var list in new[] { Sample(1).Packages, Sample(1).Files, Sample(1).Warnings })
            {
                writer.Write(list.Count);
                foreach (var item in list) writer.Write(item);
            }
        }
        stream.Write(SHA256.HashData(stream.ToArray()));
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        System.IO.File.WriteAllBytes(File, stream.ToArray());

        Assert.False(new VendorClosures(File).TryGet("k1", out _));
    }

    [Fact]
    public void A_proposal_never_committed_is_not_kept()
    {
        Run(("k1", Sample(1)));
        var run = new VendorClosures(File);
        run.Propose("k2", Sample(2));
        Assert.True(run.HasProposals);

        var later = new VendorClosures(File);
        Assert.True(later.TryGet("k1", out _));
        Assert.False(later.TryGet("k2", out _));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(File)!, "*.tmp"));
    }
}
