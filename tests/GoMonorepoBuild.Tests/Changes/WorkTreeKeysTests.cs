using System.Text;
using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Cache;
using GoMonorepoBuild.Workspace.Rendering;
using GoMonorepoBuild.Tests.Workspace;

namespace GoMonorepoBuild.Tests.Changes;

/// <summary>
/// The working tree's keys to the parse cache (issue 19 goal 4): a file git finds unmodified is looked up by its index
/// blob id, any other is read; a model loaded through them equals the model read from the files after every kind of edit
/// (unstaged, staged then edited again, racy: the same size within the same second as the commit, untracked).
/// </summary>
public class WorkTreeKeysTests
{
    const string Main = "services/shop/cmd/shop/main.go";

    static TestRepository Monorepo()
    {
        var repository = new TestRepository()
            .Write("services/shop/go.mod", "module example.com/shop\n\ngo 1.22\n")
            .Write(Main, "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println() }\n")
            .Write("services/shop/internal/util/util.go", "package util\n\nimport \"strings\"\n\nvar _ = strings.ToUpper\n")
            .Write("services/shop/internal/util/more.go", "package util\n\nimport \"bytes\"\n\nvar _ = bytes.ToUpper\n");
        repository.Commit("shop");
        return repository;
    }

    static async Task<WorkTreeKeys> KeysAsync(TestRepository repository)
    {
        using var run = RunRepository.At(repository.Root);
        return await WorkTreeKeys.ReadAsync(run, repository.Root, TestContext.Current.CancellationToken);
    }

    static GoWorkspace Load(string root, ModelCache? cache = null) =>
        GoWorkspace.Load(root, WorkspaceOptions.Default.WithServiceGlobs(["services/*"]) with { Cache = cache }, TestContext.Current.CancellationToken);

    static string Describe(GoWorkspace model)
    {
        var text = new StringBuilder(WorkspaceRendering.Json(model));
        foreach (var package in model.Packages.Values.OrderBy(p => p.ImportPath, StringComparer.Ordinal))
            text.AppendLine($"{package.ImportPath}: {string.Join(",", package.Files)} | {string.Join(",", package.Imports)}");
        return text.ToString();
    }

    static Task<string> BlobIdAsync(TestRepository repository, string path) => GitCli.OutputAsync(repository.Root, "hash-object", path);

    [Fact]
    public async Task An_unmodified_file_has_its_blob_id_and_every_kind_of_edit_has_none()
    {
        using var repository = Monorepo();
        repository.Write("services/shop/internal/util/util.go", "package util\n\nimport \"strings\"\n\nvar _ = strings.ToLower\n");
        repository.Stage("services/shop/internal/util/util.go");
        repository.Write("services/shop/internal/util/util.go", "package util\n\nimport \"strings\"\n\nvar _ = strings.ToTitle\n");
        // The same size as committed, written right after the commit: only git's racy-timestamp check tells it apart.
        repository.Write(Main, "package main\n\nimport \"net\"\n\nfunc main() { net.Println() }\n");
        repository.Write("services/shop/internal/util/new.go", "package util\n");

        var keys = await KeysAsync(repository);

        Assert.Equal(await BlobIdAsync(repository, "services/shop/internal/util/more.go"), keys.FileId("services/shop/internal/util/more.go"));
        Assert.Equal(await BlobIdAsync(repository, "services/shop/go.mod"), keys.FileId("services/shop/go.mod"));
        Assert.Null(keys.FileId(Main));
        Assert.Null(keys.FileId("services/shop/internal/util/util.go"));
        Assert.Null(keys.FileId("services/shop/internal/util/new.go"));
    }

    [Fact]
    public async Task A_model_loaded_through_the_keys_equals_the_model_read_from_the_files_after_unstaged_and_racy_edits()
    {
        using var repository = Monorepo();
        using var cacheFolder = new TempTree();
        var cache = ParseCache.Open(Path.Combine(cacheFolder.Root, "parse.bin"));
        // Warm: every committed file's header is cached under its blob id.
        Assert.Equal(Describe(Load(repository.Root)), Describe(Load(repository.Root, new ModelCache(cache, await KeysAsync(repository)))));

        // Edits git's index does not hold: an import changed at the same size right after the commit, a file staged and
        // edited again, an untracked file. Keys that trusted the index here would give the committed imports.
        repository.Write(Main, "package main\n\nimport \"net\"\n\nfunc main() { net.Println() }\n");
        repository.Write("services/shop/internal/util/util.go", "package util\n\nimport \"os\"\n\nvar _ = os.Args\n");
        repository.Stage("services/shop/internal/util/util.go");
        repository.Write("services/shop/internal/util/util.go", "package util\n\nimport \"io\"\n\nvar _ = io.EOF\n");
        repository.Write("services/shop/internal/util/new.go", "package util\n\nimport \"sort\"\n\nvar _ = sort.Ints\n");

        var hits = cache.FileHits;
        var cached = Describe(Load(repository.Root, new ModelCache(cache, await KeysAsync(repository))));

        Assert.Equal(Describe(Load(repository.Root)), cached);
        Assert.DoesNotContain("fmt", cached, StringComparison.Ordinal);
        Assert.DoesNotContain("strings", cached, StringComparison.Ordinal);
        Assert.Equal(hits + 1, cache.FileHits); // more.go alone was not read
    }

    [Fact]
    public async Task An_assume_unchanged_or_skip_worktree_file_is_read()
    {
        using var repository = Monorepo();
        await GitCli.RunAsync(repository.Root, "update-index", "--assume-unchanged", Main);
        await GitCli.RunAsync(repository.Root, "update-index", "--skip-worktree", "services/shop/internal/util/util.go");
        repository.Write(Main, "package main\n\nimport \"os\"\n\nfunc main() { os.Exit(0) }\n");

        var keys = await KeysAsync(repository);

        Assert.Null(keys.FileId(Main));
        Assert.Null(keys.FileId("services/shop/internal/util/util.go"));
        Assert.NotNull(keys.FileId("services/shop/internal/util/more.go"));
    }

    [Fact]
    public async Task No_file_has_a_key_where_git_converts_line_endings()
    {
        using var repository = Monorepo();
        using (var repo = repository.Open()) repo.Config.Set("core.autocrlf", "input");

        Assert.Null((await KeysAsync(repository)).FileId("services/shop/internal/util/more.go"));
    }

    [Fact]
    public async Task A_folder_an_attributes_file_converts_has_no_keys_and_the_others_keep_theirs()
    {
        using var repository = Monorepo();
        repository.Write("services/shop/internal/.gitattributes", "*.go eol=crlf\n").Commit("attributes");

        var keys = await KeysAsync(repository);

        Assert.Null(keys.FileId("services/shop/internal/util/more.go"));
        Assert.NotNull(keys.FileId(Main));
    }

    [Fact]
    public async Task Keys_of_a_monorepo_below_the_repository_root_are_relative_to_it()
    {
        using var repository = Monorepo();
        using var run = RunRepository.At(repository.Root);

        var keys = await WorkTreeKeys.ReadAsync(run, repository.Full("services"), TestContext.Current.CancellationToken);

        Assert.Equal(await BlobIdAsync(repository, Main), keys.FileId("shop/cmd/shop/main.go"));
        Assert.Null(keys.FileId(Main));
    }

    [Theory]
    [InlineData("H 100644 aaaa 0\tkept.go", "kept.go")]
    [InlineData("H 100755 aaaa 0\tkept.go", "kept.go")]
    [InlineData("h 100644 aaaa 0\tassumed.go", null)]
    [InlineData("S 100644 aaaa 0\tskipped.go", null)]
    [InlineData("H 120000 aaaa 0\tlink.go", null)]
    [InlineData("H 160000 aaaa 0\tsubmodule", null)]
    [InlineData("H 040000 aaaa 0\tsparse-folder/", null)]
    [InlineData("M 100644 aaaa 2\tconflicted.go", null)]
    [InlineData("H 100644 aaaa 0\tmodified.go", null)]
    public void Only_plain_unmodified_regular_entries_have_keys(string entry, string? kept)
    {
        var files = WorkTreeKeys.Unmodified(entry + "\0", "modified.go\0");

        Assert.Equal(kept is null ? [] : [kept], files.Keys);
    }
}
