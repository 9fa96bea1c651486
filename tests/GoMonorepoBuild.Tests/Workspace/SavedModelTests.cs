using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Cache;
using GoMonorepoBuild.Workspace.Packages;

namespace GoMonorepoBuild.Tests.Workspace;

/// <summary>
/// A model kept whole for the next run over the same files (issue 17 item 5) reads back as the model it was, vendored
/// packages read on demand included, and only under the key it was kept under: another digest of the files, folder or
/// load option gives another key, and a damaged file or a module file whose bytes the keys do not name keeps nothing.
/// </summary>
public class SavedModelTests
{
    static readonly WorkspaceOptions Options = WorkspaceOptions.Default.WithServiceGlobs(["services/shop/cmd/*"]);

    static GoWorkspace Load(TempTree tree) => GoWorkspace.Load(tree.Root, Options, TestContext.Current.CancellationToken);

    static GoWorkspace? ReadBack(TempTree tree, string file, string key) =>
        SavedModel.TryLoad(file, key, tree.Root, new Lazy<ModelCache?>(() => null));

    [Fact]
    public void A_kept_model_reads_back_as_the_model_it_was()
    {
        using var tree = ParseCacheTests.Monorepo();
        var file = Path.Combine(tree.Root, ".cache/model.bin");
        var loaded = Load(tree);
        var key = SavedModel.Key("digest", tree.Root, Options)!;

        Assert.True(SavedModel.Save(file, key, loaded, new ParseCacheTests.DiskKeys(tree.Root)));
        var read = ReadBack(tree, file, key);

        Assert.NotNull(read);
        Assert.Equal(ParseCacheTests.Describe(loaded), ParseCacheTests.Describe(read));
        Assert.Equal(loaded.Modules.Select(m => System.Text.Json.JsonSerializer.Serialize(m)), read.Modules.Select(m => System.Text.Json.JsonSerializer.Serialize(m)));
        // What the model reads on demand (the vendored packages, for a vendored file's reason) reads the same.
        var service = read.Services.First(s => s.VendorFiles.Any(f => f.EndsWith(".go", StringComparison.Ordinal)));
        var vendored = service.VendorFiles.First(f => f.EndsWith(".go", StringComparison.Ordinal));
        Assert.NotNull(read.Explain(vendored, service));
        Assert.Equal(loaded.Explain(vendored, loaded.Service(service.Name)!), read.Explain(vendored, service));
        Assert.Equal(loaded.VendoredImportPathOf(vendored), read.VendoredImportPathOf(vendored));
    }

    [Fact]
    public void Another_key_a_damaged_file_or_no_file_reads_nothing()
    {
        using var tree = ParseCacheTests.Monorepo();
        var file = Path.Combine(tree.Root, ".cache/model.bin");
        var key = SavedModel.Key("digest", tree.Root, Options)!;
        Assert.Null(ReadBack(tree, file, key));
        SavedModel.Save(file, key, Load(tree), new ParseCacheTests.DiskKeys(tree.Root));

        Assert.Null(ReadBack(tree, file, SavedModel.Key("other digest", tree.Root, Options)!));
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 1;
        File.WriteAllBytes(file, bytes);
        Assert.Null(ReadBack(tree, file, key));
    }

    [Fact]
    public void The_key_changes_with_the_files_the_folder_and_every_load_option()
    {
        using var tree = ParseCacheTests.Monorepo();
        var key = SavedModel.Key("digest", tree.Root, Options);
        Assert.Equal(key, SavedModel.Key("digest", tree.Root + "/", Options));
        Assert.NotEqual(key, SavedModel.Key("digest2", tree.Root, Options));
        Assert.NotEqual(key, SavedModel.Key("digest", Path.Combine(tree.Root, "services"), Options));
        Assert.NotEqual(key, SavedModel.Key("digest", tree.Root, Options.WithServiceGlobs(["services/*"])));
        Assert.NotEqual(key, SavedModel.Key("digest", tree.Root, Options.WithServiceMains(new Dictionary<string, string> { ["shop"] = "cmd/api" })));
        Assert.NotEqual(key, SavedModel.Key("digest", tree.Root, Options.WithPlatforms([TargetPlatform.Parse("linux/amd64")])));
        // Extra-input globs match files a digest of the Go inputs need not describe: such a model is never kept.
        Assert.Null(SavedModel.Key("digest", tree.Root, Options.WithServiceExtraInputs(
            new Dictionary<string, IReadOnlyList<string>> { ["api"] = ["templates/**"] })));
    }

    [Fact]
    public void A_module_file_whose_bytes_the_keys_do_not_name_keeps_nothing()
    {
        using var tree = ParseCacheTests.Monorepo();
        var file = Path.Combine(tree.Root, ".cache/model.bin");
        var key = SavedModel.Key("digest", tree.Root, Options)!;
        var model = Load(tree);
        var goMod = model.Modules[0].GoModFile;
        // The go.mod on disk is not the one the keys describe (edited while the model loaded, say).
        var keys = new ParseCacheTests.DiskKeys(tree.Root, path => path == goMod ? new string('0', 64) : null);

        Assert.False(SavedModel.Save(file, key, model, keys));
        Assert.False(File.Exists(file));
    }
}
