using GoMonorepoBuild.Changes;

namespace GoMonorepoBuild.Tests.Changes;

/// <summary>
/// The run's one listing of git's index (issue 17 item 5): read from the index file by <see cref="IndexFile"/> it is,
/// entry for entry, what <c>git ls-files --stage</c> lists, in every index version git writes and with the entries that
/// need the extended flags or v4's compressed names; an index the reader does not know (split, sparse) is left to git,
/// and the listing is still git's.
/// </summary>
public class IndexListingTests
{
    /// <summary>A repository whose index holds every kind of entry: files in deep and sibling folders (v4 shares name prefixes), an executable, a link, a gitlink, an intent-to-add and a skip-worktree entry (extended flags), a non-ASCII name and a conflict (stages 1-3).</summary>
    static async Task<TestRepository> EveryKindOfEntryAsync()
    {
        var repo = new TestRepository();
        repo.Write("go.mod", "module example.com/m\n")
            .Write("a/b/c/deep.go", "package c\n")
            .Write("a/b/c/deeper/x.go", "package deeper\n")
            .Write("a/b/d.go", "package b\n")
            .Write("a/bb/e.go", "package bb\n")
            .Write("zz/ümlaut.go", "package zz\n")
            .Write("run.sh", "#!/bin/sh\n")
            .Write("docs/ab.go", "package docs\n") // 62 + 10 bytes: a multiple of eight, padded with a whole eight NULs
            .Write("conflict.txt", "base\n")
            .Write(new string('n', 200) + "/long.go", "package n\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(repo.Full("run.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.CreateSymbolicLink(repo.Full("link.go"), "a/b/d.go");
        repo.Commit("base");
        await GitCli.RunAsync(repo.Root, "update-index", "--add", "--cacheinfo", $"160000,{repo.HeadSha},sub");
        Directory.CreateDirectory(repo.Full("sub")); // an empty folder: a submodule not checked out, not a deleted one
        // A conflict: the same line changed on two branches, merged.
        await GitCli.RunAsync(repo.Root, "-c", "user.name=t", "-c", "user.email=t@x", "commit", "-qm", "sub and later");
        await GitCli.RunAsync(repo.Root, "checkout", "-qb", "other");
        repo.Write("conflict.txt", "other\n");
        await GitCli.RunAsync(repo.Root, "-c", "user.name=t", "-c", "user.email=t@x", "commit", "-qam", "other");
        await GitCli.RunAsync(repo.Root, "checkout", "-q", "-");
        repo.Write("conflict.txt", "mine\n");
        await GitCli.RunAsync(repo.Root, "-c", "user.name=t", "-c", "user.email=t@x", "commit", "-qam", "mine");
        await Assert.ThrowsAnyAsync<Exception>(() => GitCli.RunAsync(repo.Root, "-c", "user.name=t", "-c", "user.email=t@x", "merge", "-q", "other"));
        // Extended flags: 64 + 8 bytes of "later.go", padded with a whole eight NULs.
        repo.Write("later.go", "package m\n");
        await GitCli.RunAsync(repo.Root, "add", "--intent-to-add", "later.go");
        await GitCli.RunAsync(repo.Root, "update-index", "--skip-worktree", "a/bb/e.go");
        await GitCli.RunAsync(repo.Root, "update-index", "--assume-unchanged", "a/b/d.go");
        return repo;
    }

    static async Task<IReadOnlyList<IndexListing.Entry>> GitsListingAsync(TestRepository repo) =>
        IndexListing.Parse(await GitCli.OutputAsync(repo.Root, "ls-files", "--stage", "-z")).Entries;

    /// <summary>The run's listing, when the index file is not one <see cref="IndexFile"/> reads.</summary>
    static async Task<IndexListing> ListedByGitAsync(TestRepository repo)
    {
        Assert.Null(IndexFile.TryRead(Path.Combine(repo.Root, ".git", "index")));
        using var run = RunRepository.At(repo.Root);
        var listing = await run.Index(TestContext.Current.CancellationToken);
        Assert.True(listing!.FromGit);
        return listing;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task The_index_file_read_in_process_lists_what_git_ls_files_lists(int version)
    {
        using var repo = await EveryKindOfEntryAsync();
        await GitCli.RunAsync(repo.Root, "update-index", "--index-version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Version 2 cannot hold extended flags: git writes 3 then, as it does for any index that needs them.
        var expected = await GitsListingAsync(repo);

        var read = IndexFile.TryRead(Path.Combine(repo.Root, ".git", "index"));

        Assert.NotNull(read);
        // git's listing does not say which entries git leaves uncompared; the file does (assume-unchanged, skip-worktree).
        Assert.Equal(expected, read.Select(e => e with { Uncompared = false }));
        Assert.Equal(["a/b/d.go", "a/bb/e.go"], read.Where(e => e.Uncompared).Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Contains(read, e => e.Stage == 3 && e.Path == "conflict.txt");
        Assert.Contains(read, e => e.Mode == IndexListing.GitLink && e.Path == "sub");
        Assert.Contains(read, e => e.Mode == IndexListing.Link && e.Path == "link.go");
        Assert.Contains(read, e => e.Path == "zz/ümlaut.go");
        Assert.Contains(read, e => e.Path == "later.go" && e.Id == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"); // intent to add: the empty blob
        using var run = RunRepository.At(repo.Root);
        var listing = await run.Index(TestContext.Current.CancellationToken);
        Assert.False(listing!.FromGit);
        Assert.Equal(read, listing.Entries);
    }

    [Fact]
    public async Task The_tree_the_index_holds_is_read_from_its_cache_tree_while_git_keeps_that_valid()
    {
        using var repo = new TestRepository();
        // Two folders: the record of the one left valid follows the invalid root's, where a reader must not take an id from.
        repo.Write("a/b.go", "package a\n").Write("z/y.go", "package z\n").Write("c.go", "package m\n");
        await GitCli.RunAsync(repo.Root, "add", "-A");
        await GitCli.RunAsync(repo.Root, "-c", "user.name=t", "-c", "user.email=t@x", "commit", "-qm", "base");
        var index = Path.Combine(repo.Root, ".git", "index");
        var headTree = (await GitCli.OutputAsync(repo.Root, "rev-parse", "HEAD^{tree}")).Trim();

        Assert.NotNull(IndexFile.TryRead(index, out var tree));
        Assert.Equal(headTree, tree);

        // A staged change invalidates the record up to the root: the index no longer vouches for a tree.
        repo.Write("a/b.go", "package a\n\n// edited\n");
        await GitCli.RunAsync(repo.Root, "add", "a/b.go");
        Assert.NotNull(IndexFile.TryRead(index, out var after));
        Assert.Null(after);
    }

    [Fact]
    public async Task A_split_index_is_left_to_git_and_listed_the_same()
    {
        using var repo = await EveryKindOfEntryAsync();
        await GitCli.RunAsync(repo.Root, "update-index", "--split-index");
        repo.Write("after-split.go", "package m\n");
        await GitCli.RunAsync(repo.Root, "add", "after-split.go");
        var expected = await GitsListingAsync(repo);

        var listing = await ListedByGitAsync(repo);
        Assert.Equal(expected, listing.Entries);
    }

    [Fact]
    public async Task A_sparse_index_is_left_to_git_which_lists_the_files_of_the_folders_it_left_out()
    {
        using var repo = new TestRepository();
        repo.Write("in/a.go", "package in\n").Write("out/b.go", "package out\n").Write("out/deeper/c.go", "package deeper\n").Commit("base");
        await GitCli.RunAsync(repo.Root, "sparse-checkout", "set", "--cone", "--sparse-index", "in");
        var expected = await GitsListingAsync(repo);

        var listing = await ListedByGitAsync(repo);
        Assert.Equal(expected, listing.Entries);
        Assert.Contains(listing.Entries, e => e.Path == "out/deeper/c.go");
    }

    [Fact]
    public async Task A_damaged_or_foreign_index_file_is_left_to_git()
    {
        using var repo = await EveryKindOfEntryAsync();
        var index = Path.Combine(repo.Root, ".git", "index");
        var bytes = await File.ReadAllBytesAsync(index, TestContext.Current.CancellationToken);

        Assert.NotNull(IndexFile.Parse(bytes));
        Assert.Null(IndexFile.Parse(bytes.AsSpan(0, bytes.Length / 2)));
        Assert.Null(IndexFile.Parse([.. bytes[..4], 0, 0, 0, 5, .. bytes[8..]])); // version 5
        Assert.Null(IndexFile.Parse([.. "DIRX"u8, .. bytes[4..]]));
    }

    [Fact]
    public async Task One_run_reads_the_index_once_for_the_parse_cache_keys_and_the_clean_checkout_question()
    {
        using var repo = new TestRepository();
        repo.Write("go.mod", "module example.com/m\n").Write("cmd/app/main.go", "package main\n\nfunc main() {}\n").Commit("base");
        using var run = RunRepository.At(repo.Root);

        var first = run.Index(TestContext.Current.CancellationToken);
        Assert.True(await CleanCheckout.HoldsAsync(run, ".", repo.HeadSha, [], TestContext.Current.CancellationToken));
        var keys = await IndexContents.ReadAsync(run, "cmd", TestContext.Current.CancellationToken);

        Assert.Same(await first, await run.Index(TestContext.Current.CancellationToken));
        Assert.Equal((await first)!.Entries.Single(e => e.Path == "cmd/app/main.go").Id, keys.FileId("app/main.go"));
        Assert.Equal(["main.go"], keys.Listing("app")!.Select(e => e.Name));
    }

    [Fact]
    public async Task A_caller_that_gave_up_on_the_index_leaves_the_run_its_one_read()
    {
        using var repo = new TestRepository();
        repo.Write("go.mod", "module example.com/m\n").Commit("base");
        using var run = RunRepository.At(repo.Root);
        // A question called off (CheckoutQuestion) may be the first to ask for the index.
        using var calledOff = new CancellationTokenSource();
        await calledOff.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.Index(calledOff.Token));

        Assert.Equal("go.mod", (await run.Index(TestContext.Current.CancellationToken))!.Entries.Single().Path);
    }

    /// <summary>
    /// The kept model's key is a digest of the index entries below the monorepo folder: SHA-256 over "mode id stage path\0"
    /// per entry, path relative to the folder. Kept models and notes written by earlier runs hold it, so it never changes:
    /// here against that text, over enough entries to fill the digest's buffer several times, non-ASCII and long names.
    /// </summary>
    [Theory]
    [InlineData(".")]
    [InlineData("a")]
    public async Task The_index_digest_is_the_sha256_of_each_entrys_mode_id_stage_and_path(string prefix)
    {
        using var repo = new TestRepository();
        repo.Write("go.mod", "module example.com/m\n").Write("zz/ümlaut.go", "package zz\n").Write(new string('n', 200) + "/long.go", "package n\n");
        for (var i = 0; i < 1500; i++) repo.Write($"a/many/{new string('x', 60)}ü{i:D4}.go", $"package many // {i}\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(repo.Write("a/run.sh", "#!/bin/sh\n").Full("a/run.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.CreateSymbolicLink(repo.Full("a/link.go"), "many");
        repo.Commit("base");
        using var run = RunRepository.At(repo.Root);
        var listing = (await IndexListing.ReadAsync(run, TestContext.Current.CancellationToken))!;
        Assert.False(listing.FromGit);

        var start = prefix == "." ? "" : prefix + "/";
        using var expected = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var e in listing.Entries.Where(e => e.Path.StartsWith(start, StringComparison.Ordinal)))
            expected.AppendData(System.Text.Encoding.UTF8.GetBytes($"{e.Mode} {e.Id} {e.Stage} {e.Path[start.Length..]}\0"));

        Assert.Equal(Convert.ToHexStringLower(expected.GetHashAndReset()), IndexContents.Digest(listing, prefix));
    }
}
