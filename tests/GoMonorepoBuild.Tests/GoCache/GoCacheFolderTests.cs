using GoMonorepoBuild.GoCache;
using GoMonorepoBuild.Tests.Targets;

namespace GoMonorepoBuild.Tests.GoCache;

public class GoCacheFolderTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly GoCacheKey Key = GoCacheKey.For(["go1.23 layers 0123456789abcdef"], ["linux/amd64"]);

    static async Task<(TempFolder Temp, GoCacheFolder Folder)> StoredAsync(string content = "pretend tar")
    {
        var temp = new TempFolder();
        var archive = temp.Write("export/go-cache.tar", content);
        var folder = new GoCacheFolder(Path.Combine(temp.Path, "carried"));
        await folder.StoreAsync(archive, Key, new DateTimeOffset(2026, 11, 25, 20, 0, 0, TimeSpan.Zero), Ct);
        return (temp, folder);
    }

    [Fact]
    public async Task A_stored_archive_with_the_same_key_can_seed_the_next_run()
    {
        var (temp, folder) = await StoredAsync();
        using var _ = temp;

        var check = await folder.CheckAsync(GoCacheKey.For(["go1.23 layers 0123456789abcdef"], ["linux/amd64"]), Ct);

        Assert.True(check.Usable, check.Why);
        Assert.Equal(11, check.Manifest!.SizeBytes);
        Assert.False(File.Exists(folder.ArchivePath + ".tmp"));
    }

    [Fact]
    public async Task A_first_run_finds_nothing_carried_and_says_so_without_a_warning()
    {
        using var temp = new TempFolder();
        var check = await new GoCacheFolder(Path.Combine(temp.Path, "none")).CheckAsync(Key, Ct);

        Assert.False(check.Usable);
        Assert.True(check.Empty);
        Assert.Contains("none does not exist", check.Why);
    }

    [Fact]
    public async Task An_archive_from_another_Go_builder_image_is_not_seeded_and_the_reason_names_both()
    {
        var (temp, folder) = await StoredAsync();
        using var _ = temp;

        var check = await folder.CheckAsync(Key.WithBuilderImages(["go1.24 layers fedcba9876543210"]), Ct);

        Assert.False(check.Usable);
        Assert.False(check.Empty);
        Assert.Contains(folder.ArchivePath, check.Why);
        Assert.Contains("go1.23 layers 0123456789abcdef", check.Why);
        Assert.Contains("go1.24 layers fedcba9876543210", check.Why);
    }

    [Fact]
    public async Task An_archive_for_other_platforms_is_not_seeded()
    {
        var (temp, folder) = await StoredAsync();
        using var _ = temp;

        var check = await folder.CheckAsync(Key.WithPlatforms(["linux/arm64", "linux/amd64"]), Ct);

        Assert.False(check.Usable);
        Assert.Contains("platform(s) linux/amd64, this run builds for linux/amd64, linux/arm64", check.Why);
    }

    [Fact]
    public async Task A_corrupted_archive_of_the_same_size_fails_the_checksum_and_names_the_manifest()
    {
        var (temp, folder) = await StoredAsync("pretend tar");
        using var _ = temp;
        File.WriteAllText(folder.ArchivePath, "PRETEND TAR");

        var check = await folder.CheckAsync(Key, Ct);

        Assert.False(check.Usable);
        Assert.Contains($"does not match the SHA-256 in {folder.ManifestPath}", check.Why);
    }

    [Fact]
    public async Task A_truncated_archive_is_not_seeded()
    {
        var (temp, folder) = await StoredAsync("pretend tar");
        using var _ = temp;
        File.WriteAllText(folder.ArchivePath, "pretend");

        var check = await folder.CheckAsync(Key, Ct);

        Assert.False(check.Usable);
        Assert.Contains("has 7 bytes, its manifest says 11", check.Why);
    }

    [Fact]
    public async Task A_missing_archive_beside_its_manifest_is_reported()
    {
        var (temp, folder) = await StoredAsync();
        using var _ = temp;
        File.Delete(folder.ArchivePath);

        var check = await folder.CheckAsync(Key, Ct);

        Assert.False(check.Usable);
        Assert.Contains($"{folder.ArchivePath} is missing", check.Why);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1, 2]")]
    [InlineData("""{"format": 1, "builderImages": [], "platforms": []}""")]
    [InlineData("""{"format": "one", "builderImages": [], "platforms": [], "sha256": "00", "sizeBytes": 1, "createdAt": "2026-01-01T00:00:00Z"}""")]
    [InlineData("""{"format": 1, "builderImages": [], "platforms": [], "sha256": "xyz", "sizeBytes": 1, "createdAt": "2026-01-01T00:00:00Z"}""")]
    public async Task A_damaged_manifest_is_reported_by_path_and_never_throws(string manifest)
    {
        var (temp, folder) = await StoredAsync();
        using var _ = temp;
        File.WriteAllText(folder.ManifestPath, manifest);

        var check = await folder.CheckAsync(Key, Ct);

        Assert.False(check.Usable);
        Assert.StartsWith($"{folder.ManifestPath} is not a Go cache manifest: ", check.Why);
    }

    [Fact]
    public async Task A_new_export_replaces_the_old_archive_and_its_manifest()
    {
        var (temp, folder) = await StoredAsync("old archive");
        using var _ = temp;
        var newer = temp.Write("export2/go-cache.tar", "a newer, longer archive");

        var manifest = await folder.StoreAsync(newer, Key, DateTimeOffset.UtcNow, Ct);

        Assert.Equal("a newer, longer archive", File.ReadAllText(folder.ArchivePath));
        Assert.Equal(manifest, GoCacheManifest.Parse(File.ReadAllText(folder.ManifestPath)));
        Assert.True((await folder.CheckAsync(Key, Ct)).Usable);
    }
}
