using System.Security.Cryptography;
using System.Text;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Cache;
using GoMonorepoBuild.Workspace.Packages;
using GoMonorepoBuild.Workspace.Rendering;

namespace GoMonorepoBuild.Tests.Workspace;

/// <summary>
/// The parse cache (issue 17 item 5) changes how fast a model loads, never what it is: a model loaded through it equals
/// the one read from the files, after edits, build-tag changes and deletions, and a damaged cache file is ignored.
/// </summary>
public class ParseCacheTests
{
    /// <summary>Keys as an honest provider gives them: read from the disk now (the index of a clean checkout does the same).</summary>
    internal sealed class DiskKeys(string root, Func<string, string?>? lie = null) : IContentKeys
    {
        public string? FileId(string path)
        {
            if (lie?.Invoke(path) is { } id) return id;
            var full = Path.Combine(root, path);
            return File.Exists(full) && !new FileInfo(full).Attributes.HasFlag(FileAttributes.ReparsePoint) ? IdOf(File.ReadAllBytes(full)) : null;
        }

        public IReadOnlyList<ContentEntry>? Listing(string dir)
        {
            var full = Path.Combine(root, dir);
            if (!Directory.Exists(full)) return null;
            return new DirectoryInfo(full).EnumerateFiles().Select(f => f.Attributes.HasFlag(FileAttributes.ReparsePoint)
                ? new ContentEntry(f.Name, true, null)
                : new ContentEntry(f.Name, false, FileId(RepoPath.Combine(dir, f.Name)))).ToList();
        }

        public string IdOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
    }

    internal static TempTree Monorepo()
    {
        var tree = new TempTree();
        foreach (var (path, content) in VendorTests.ShopFiles()) tree.Write(path, content);
        tree.Write("services/shop/internal/util/util_linux.go", "//go:build linux\n\npackage util\n\nimport \"os\"\n\nvar _ = os.Args\n");
        tree.Write("services/shop/vendor/github.com/x/db/pool/pool_unix.go", "// +build linux darwin\n\npackage pool\n\nimport \"syscall\"\n\nvar _ = syscall.Getpid\n");
        return tree;
    }

    static GoWorkspace Load(TempTree tree, ModelCache? cache = null) =>
        GoWorkspace.Load(tree.Root, WorkspaceOptions.Default.WithServiceGlobs(["services/shop/cmd/*"]) with { Cache = cache },
            TestContext.Current.CancellationToken);

    /// <summary>Everything the analysis asks of a model, as text: packages (files, imports, constraints), services, warnings.</summary>
    internal static string Describe(GoWorkspace model)
    {
        var text = new StringBuilder(WorkspaceRendering.Json(model));
        foreach (var package in model.Packages.Values.OrderBy(p => p.ImportPath, StringComparer.Ordinal))
            text.AppendLine($"{package.ImportPath} {package.Name}: {string.Join(",", package.Files)} | {string.Join(",", package.ExcludedFiles)} | " +
                            $"{string.Join(",", package.Imports)} | {string.Join(",", package.BuildConstraints.Select(c => c.Key + "=" + c.Value))}");
        foreach (var service in model.Services)
            text.AppendLine($"{service.Name}: {string.Join(",", service.ImageInputs)} | {string.Join(",", service.VendoredPackages)}");
        text.AppendLine(string.Join("\n", model.Warnings));
        return text.ToString();
    }

    /// <summary>A cache file beside the tree that has seen a whole load of it (saved), as the runs before a change leave it.</summary>
    static string Warm(TempTree tree)
    {
        var cacheFile = Path.Combine(tree.Root, ".cache/parse.bin");
        var warm = ParseCache.Open(cacheFile);
        _ = Load(tree, new ModelCache(warm, new DiskKeys(tree.Root)));
        warm.Save();
        return cacheFile;
    }

    static TempTree Delete(TempTree tree, string path)
    {
        File.Delete(Path.Combine(tree.Root, path));
        return tree;
    }

    [Fact]
    public void A_model_read_through_the_cache_equals_the_model_read_from_the_files_and_a_second_load_reads_no_unchanged_file()
    {
        using var tree = Monorepo();
        var cacheFile = Path.Combine(tree.Root, ".cache/parse.bin");

        var first = ParseCache.Open(cacheFile);
        Assert.Equal(Describe(Load(tree)), Describe(Load(tree, new ModelCache(first, new DiskKeys(tree.Root)))));
        Assert.Equal(0, first.FileHits);
        first.Save();

        var second = ParseCache.Open(cacheFile);
        Assert.True(second.FileCount > 0);
        Assert.Equal(Describe(Load(tree)), Describe(Load(tree, new ModelCache(second, new DiskKeys(tree.Root)))));
        // The local files are found by id; the vendored packages without embeds and links are found whole.
        Assert.True(second.FileHits >= 4, $"file hits: {second.FileHits}");
        Assert.True(second.PackageHits >= 2, $"package hits: {second.PackageHits}");
    }

    public static TheoryData<string> Edits() => ["imports", "build tag", "package clause", "deleted", "vendored imports", "vendored tag", "vendored added"];

    [Theory]
    [MemberData(nameof(Edits))]
    public void After_an_edit_the_cached_model_is_the_edited_one(string edit)
    {
        using var tree = Monorepo();
        var cacheFile = Path.Combine(tree.Root, ".cache/parse.bin");
        var warm = ParseCache.Open(cacheFile);
        var before = Describe(Load(tree, new ModelCache(warm, new DiskKeys(tree.Root))));
        warm.Save();

        _ = edit switch
        {
            "imports" => tree.Write("services/shop/internal/util/util.go", VendorTests.Go("util", "github.com/x/log")),
            "build tag" => tree.Write("services/shop/internal/util/util_linux.go", "//go:build windows\n\npackage util\n\nimport \"os\"\n\nvar _ = os.Args\n"),
            "package clause" => tree.Write("services/shop/internal/util/util_linux.go", "//go:build linux\n\npackage other\n"),
            "deleted" => Delete(tree, "services/shop/internal/util/util_linux.go"),
            "vendored imports" => tree.Write("services/shop/vendor/github.com/x/db/pool/pool.go", VendorTests.Go("pool", "github.com/x/unused")),
            "vendored tag" => tree.Write("services/shop/vendor/github.com/x/db/pool/pool_unix.go", "//go:build windows\n\npackage pool\n\nimport \"syscall\"\n\nvar _ = syscall.Getpid\n"),
            "vendored added" => tree.Write("services/shop/vendor/github.com/x/db/pool/more.go", VendorTests.Go("pool", "net/http")),
            _ => throw new ArgumentOutOfRangeException(nameof(edit), edit, null),
        };

        var cache = ParseCache.Open(cacheFile);
        var cached = Describe(Load(tree, new ModelCache(cache, new DiskKeys(tree.Root))));
        var uncached = Describe(Load(tree));
        Assert.NotEqual(before, uncached); // the edit changes the model, so a stale answer would show
        Assert.Equal(uncached, cached);
        Assert.True(cache.FileHits > 0, "the unchanged files still come from the cache");
    }

    [Fact]
    public void What_is_kept_is_keyed_by_the_bytes_read_never_by_the_id_the_caller_claimed()
    {
        using var tree = Monorepo();
        const string claimed = "0000000000000000000000000000000000000000000000000000000000000000";
        var cache = ParseCache.Open(Path.Combine(tree.Root, ".cache/parse.bin"));
        // A provider that names a wrong id for a file (a checkout that is not what the index says) gets a miss, and
        // the file is kept under the id of what was read.
        Load(tree, new ModelCache(cache, new DiskKeys(tree.Root, p => p == "services/shop/internal/util/util.go" ? claimed : null)));

        Assert.False(cache.TryFile(claimed, "util.go", out _));
        var actual = new DiskKeys(tree.Root).FileId("services/shop/internal/util/util.go")!;
        Assert.True(cache.TryFile(actual, "util.go", out var file));
        Assert.Equal("util", file.PackageName);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("garbage")]
    public void A_damaged_cache_file_is_ignored_and_replaced_by_a_whole_one(string damage)
    {
        using var tree = Monorepo();
        var cacheFile = Path.Combine(tree.Root, ".cache/parse.bin");
        var warm = ParseCache.Open(cacheFile);
        var expected = Describe(Load(tree, new ModelCache(warm, new DiskKeys(tree.Root))));
        warm.Save();
        var bytes = File.ReadAllBytes(cacheFile);
        File.WriteAllBytes(cacheFile, damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            // One byte inside an entry: still parses as a cache, but the checksum no longer matches.
            "flipped" => bytes.Select((b, i) => i == bytes.Length / 2 ? (byte)(b ^ 0x20) : b).ToArray(),
            _ => Encoding.UTF8.GetBytes("not a cache"),
        });

        var damaged = ParseCache.Open(cacheFile);
        Assert.Equal(0, damaged.FileCount);
        Assert.Equal(expected, Describe(Load(tree, new ModelCache(damaged, new DiskKeys(tree.Root)))));
        damaged.Save();
        Assert.True(ParseCache.Open(cacheFile).FileCount > 0);
    }

    /// <summary>
    /// A run that only adds entries to a whole file appends them to the journal and leaves the file's bytes alone (on moby
    /// rewriting the 3.6 MB file cost a first analysis ~15%); the next open reads both: the edited file and the vendored
    /// package it changed are found by their new ids, and the model is the edited one, after edits in two runs.
    /// </summary>
    [Fact]
    public void A_run_that_only_adds_appends_to_the_journal_and_the_next_open_reads_it()
    {
        using var tree = Monorepo();
        var cacheFile = Warm(tree);
        var whole = File.ReadAllBytes(cacheFile);
        var journal = cacheFile + ".journal";
        Assert.False(File.Exists(journal));

        foreach (var (path, content) in new[]
                 {
                     ("services/shop/internal/util/util.go", VendorTests.Go("util", "github.com/x/log")),
                     ("services/shop/vendor/github.com/x/db/pool/pool.go", VendorTests.Go("pool", "github.com/x/unused")),
                 })
        {
            tree.Write(path, content);
            var run = ParseCache.Open(cacheFile);
            _ = Load(tree, new ModelCache(run, new DiskKeys(tree.Root)));
            run.Save();
        }
        Assert.Equal(whole, File.ReadAllBytes(cacheFile));
        Assert.True(File.Exists(journal));

        var next = ParseCache.Open(cacheFile);
        var files = next.FileCount;
        var cached = Describe(Load(tree, new ModelCache(next, new DiskKeys(tree.Root))));
        Assert.Equal(Describe(Load(tree)), cached);
        Assert.Equal(files, next.FileCount); // every file, edited ones included, was found: none read and added
        Assert.True(next.PackageHits >= 2, $"package hits: {next.PackageHits}");
    }

    /// <summary>
    /// A journal whose last record was cut short (a run killed while appending) or altered keeps the whole records
    /// before it; the next save writes the whole file with every entry and removes the journal, and the model is the
    /// one read from the files throughout.
    /// </summary>
    [Theory]
    [InlineData("cut short")]
    [InlineData("flipped")]
    public void A_damaged_journal_keeps_its_whole_records_and_the_next_save_writes_the_whole_file(string damage)
    {
        using var tree = Monorepo();
        var cacheFile = Path.Combine(tree.Root, ".cache/parse.bin");
        var journal = cacheFile + ".journal";
        var warm = ParseCache.Open(cacheFile);
        _ = Load(tree, new ModelCache(warm, new DiskKeys(tree.Root)));
        warm.Save();
        var lengths = new List<long>();
        foreach (var version in new[] { "github.com/x/log", "github.com/x/unused" })
        {
            tree.Write("services/shop/internal/util/util.go", VendorTests.Go("util", version));
            var run = ParseCache.Open(cacheFile);
            _ = Load(tree, new ModelCache(run, new DiskKeys(tree.Root)));
            run.Save();
            lengths.Add(new FileInfo(journal).Length);
        }
        var bytes = File.ReadAllBytes(journal);
        File.WriteAllBytes(journal, damage == "cut short"
            ? bytes[..(int)(lengths[0] + (lengths[1] - lengths[0]) / 2)]
            : bytes.Select((b, i) => i == bytes.Length - 40 ? (byte)(b ^ 0x20) : b).ToArray());

        var damaged = ParseCache.Open(cacheFile);
        Assert.Equal(Describe(Load(tree)), Describe(Load(tree, new ModelCache(damaged, new DiskKeys(tree.Root)))));
        damaged.Save();
        Assert.False(File.Exists(journal), "the whole file was written and the journal removed");

        var next = ParseCache.Open(cacheFile);
        var files = next.FileCount;
        Assert.Equal(Describe(Load(tree)), Describe(Load(tree, new ModelCache(next, new DiskKeys(tree.Root)))));
        Assert.Equal(files, next.FileCount);
        // The first record's entry (util.go importing github.com/x/log) survived the damage to the second.
        tree.Write("services/shop/internal/util/util.go", VendorTests.Go("util", "github.com/x/log"));
        var first = ParseCache.Open(cacheFile);
        var count = first.FileCount;
        Assert.Equal(Describe(Load(tree)), Describe(Load(tree, new ModelCache(first, new DiskKeys(tree.Root)))));
        Assert.Equal(count, first.FileCount);
    }

    /// <summary>
    /// Opening the cache only indexes its entries; an entry is decoded when a load asks for it (issue 17 item 5: on moby
    /// decoding all ~11,000 at open was a tenth of a first analysis, and the headers of vendored files whose whole package
    /// is found are never asked for). The model is the one read from the files.
    /// </summary>
    [Fact]
    public void Opening_decodes_nothing_and_a_load_decodes_only_what_it_asks_for()
    {
        using var tree = Monorepo();
        var cacheFile = Warm(tree);

        var cache = ParseCache.Open(cacheFile);
        Assert.Equal(0, cache.Decoded);
        Assert.Equal(Describe(Load(tree)), Describe(Load(tree, new ModelCache(cache, new DiskKeys(tree.Root)))));
        Assert.Equal(cache.FileHits + cache.PackageHits, cache.Decoded);
        // The vendored packages were found whole: their files' headers, in the cache too, were not decoded.
        Assert.True(cache.Decoded < cache.FileCount + cache.PackageCount, $"decoded {cache.Decoded} of {cache.FileCount} files and {cache.PackageCount} packages");
    }

    /// <summary>
    /// A whole file written by a run that decoded only some entries holds every entry, those it never decoded copied as
    /// read: after a damaged journal (which makes the next save write the whole file) nothing is lost.
    /// </summary>
    [Fact]
    public void A_whole_file_written_after_a_partial_decode_keeps_the_entries_it_did_not_decode()
    {
        using var tree = Monorepo();
        var cacheFile = Warm(tree);
        var warm = ParseCache.Open(cacheFile);
        var (files, packages) = (warm.FileCount, warm.PackageCount);
        File.WriteAllBytes(cacheFile + ".journal", [1, 2, 3]); // a damaged journal: the next save writes the whole file

        var util = Path.Combine(tree.Root, "services/shop/internal/util/util.go");
        File.AppendAllText(util, "\n// edited\n"); // one new header, no new package
        var run = ParseCache.Open(cacheFile);
        _ = Load(tree, new ModelCache(run, new DiskKeys(tree.Root)));
        Assert.True(run.Decoded < files + packages);
        run.Save();
        Assert.False(File.Exists(cacheFile + ".journal"));

        var written = File.ReadAllBytes(cacheFile);
        var next = ParseCache.Open(cacheFile);
        Assert.Equal((files + 1, packages), (next.FileCount, next.PackageCount));
        Assert.Equal(Describe(Load(tree)), Describe(Load(tree, new ModelCache(next, new DiskKeys(tree.Root)))));
        // Every entry asked for decoded and was found: nothing to add, so nothing is written.
        next.Save();
        Assert.Equal(written, File.ReadAllBytes(cacheFile));
        Assert.False(File.Exists(cacheFile + ".journal"));
    }

    /// <summary>A payload in the cache's layout, sealed as its files are: magic, version, then files and packages (key, length, bytes).</summary>
    static byte[] SealedPayload(int version, params (string Key, byte[] Bytes)[] files)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("gomonorepobuild parse cache");
            writer.Write(version);
            writer.Write(files.Length);
            foreach (var (key, bytes) in files)
            {
                writer.Write(key);
                writer.Write(bytes.Length);
                writer.Write(bytes);
            }
            writer.Write(0);
        }
        return [.. stream.ToArray(), .. SHA256.HashData(stream.ToArray())];
    }

    /// <summary>
    /// A cache file of an older layout (version 3, whose entries were not length-prefixed) or a journal record of one
    /// reads as no cache, never as an error, and is replaced by a whole file of the current layout.
    /// </summary>
    [Theory]
    [InlineData("file")]
    [InlineData("journal")]
    public void An_older_layout_reads_as_no_cache_and_is_replaced(string where)
    {
        using var tree = Monorepo();
        var cacheFile = Path.Combine(tree.Root, ".cache/parse.bin");
        var id = new DiskKeys(tree.Root).FileId("services/shop/internal/util/util.go")!;
        // Version 3's layout of one header: the key, then the entry's fields with no length before them.
        using var entry = new MemoryStream();
        using (var writer = new BinaryWriter(entry, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("util");
            writer.Write(0);
            writer.Write(false);
            writer.Write(0);
        }
        const string oldId = "1111111111111111111111111111111111111111111111111111111111111111";
        var old = SealedPayload(3, (oldId, entry.ToArray()));
        if (where == "file")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(cacheFile)!);
            File.WriteAllBytes(cacheFile, old);
        }
        else
        {
            Assert.Equal(cacheFile, Warm(tree));
            File.WriteAllBytes(cacheFile + ".journal", [.. BitConverter.GetBytes(old.Length), .. old]);
        }

        var cache = ParseCache.Open(cacheFile);
        Assert.False(cache.TryFile(oldId, "util.go", out _));
        Assert.Equal(Describe(Load(tree)), Describe(Load(tree, new ModelCache(cache, new DiskKeys(tree.Root)))));
        cache.Save();
        Assert.False(File.Exists(cacheFile + ".journal")); // the whole file was written
        var next = ParseCache.Open(cacheFile);
        Assert.True(next.TryFile(id, "util.go", out var file));
        Assert.Equal("util", file.PackageName);
    }

    /// <summary>
    /// An entry whose bytes do not decode (the file's checksum holds: a defect of a writer, not damage on disk) is a
    /// miss: the file is read and scanned, the model is the files', and the next save writes a whole file without it.
    /// </summary>
    [Fact]
    public void An_entry_that_does_not_decode_is_a_miss_and_is_dropped()
    {
        using var tree = Monorepo();
        var cacheFile = Path.Combine(tree.Root, ".cache/parse.bin");
        var id = new DiskKeys(tree.Root).FileId("services/shop/internal/util/util.go")!;
        Directory.CreateDirectory(Path.GetDirectoryName(cacheFile)!);
        File.WriteAllBytes(cacheFile, SealedPayload(4, (id, [0x05, (byte)'u'])));

        var cache = ParseCache.Open(cacheFile);
        Assert.Equal(1, cache.FileCount);
        Assert.Equal(Describe(Load(tree)), Describe(Load(tree, new ModelCache(cache, new DiskKeys(tree.Root)))));
        Assert.Equal(0, cache.FileHits);
        cache.Save();
        Assert.True(ParseCache.Open(cacheFile).TryFile(id, "util.go", out var file));
        Assert.Equal("util", file.PackageName);
    }

    /// <summary>
    /// A vendored package's key is the SHA-256 of its documented text (version, where, module, platforms, then the
    /// folder's entries sorted by name): the same whatever order the entries come in, the same bytes as the cache files
    /// written so far, and different for any change of an entry's name, kind or content id.
    /// </summary>
    [Fact]
    public void A_package_key_is_the_hash_of_its_text_and_tells_every_entry_apart()
    {
        IReadOnlyList<TargetPlatform> platforms = [new("linux", "amd64"), new("darwin", "arm64")];
        ContentEntry[] entries =
        [
            new("zeta.go", false, "9f2c"), new("alpha.go", false, "01ab"), new("link.go", true, null), new("ünïcode_é.go", false, "77"),
            new("LICENSE", false, null),
        ];
        var text = new StringBuilder("3\ngithub.com/x/db/pool\ngithub.com/x/db\nvendor/github.com/x/db/pool\nservices/shop\nlinux/amd64,darwin/arm64\n");
        foreach (var e in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            text.Append(e.Name).Append('\0').Append(e.IsLink ? 'l' : 'f').Append('\0').Append(e.Id).Append('\n');
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));

        string Key(IEnumerable<ContentEntry> list) =>
            ParseCache.PackageKey("github.com/x/db/pool", "github.com/x/db", "vendor/github.com/x/db/pool", "services/shop", platforms, list);

        Assert.Equal(expected, Key(entries));
        Assert.Equal(expected, Key(entries.Reverse()));
        var variants = new[]
        {
            entries.Select(e => e.Name == "zeta.go" ? e with { Id = "9f2d" } : e),
            entries.Select(e => e.Name == "LICENSE" ? e with { IsLink = true } : e),
            entries.Select(e => e.Name == "alpha.go" ? e with { Name = "alpha2.go" } : e),
            entries.Where(e => e.Name != "link.go"),
        };
        Assert.Equal(variants.Length + 1, variants.Select(Key).Append(expected).Distinct().Count());
    }
}
