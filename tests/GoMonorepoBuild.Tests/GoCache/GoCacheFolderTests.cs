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
        var (why, folder) = await WhyNotSeededAsync(_ => { }, Key.WithBuilderImages(["go1.24 layers fedcba9876543210"]));

        Assert.Contains(folder.ArchivePath, why);
        Assert.Contains("go1.23 layers 0123456789abcdef", why);
        Assert.Contains("go1.24 layers fedcba9876543210", why);
    }

    [Fact]
    public async Task An_archive_for_other_platforms_is_not_seeded()
    {
        var (why, _) = await WhyNotSeededAsync(_ => { }, Key.WithPlatforms(["linux/arm64", "linux/amd64"]));

        Assert.Contains("platform(s) linux/amd64, this run builds for linux/amd64, linux/arm64", why);
    }

    [Fact]
    public async Task A_corrupted_archive_of_the_same_size_fails_the_checksum_and_names_the_manifest()
    {
        var (why, folder) = await WhyNotSeededAsync(f => File.WriteAllText(f.ArchivePath, "PRETEND TAR"));

        Assert.Contains($"does not match the SHA-256 in {folder.ManifestPath}", why);
    }

    [Fact]
    public async Task A_truncated_archive_is_not_seeded()
    {
        var (why, _) = await WhyNotSeededAsync(f => File.WriteAllText(f.ArchivePath, "pretend"));

        Assert.Contains("has 7 bytes, its manifest says 11", why);
    }

    [Fact]
    public async Task A_missing_archive_beside_its_manifest_is_reported()
    {
        var (why, folder) = await WhyNotSeededAsync(f => File.Delete(f.ArchivePath));

        Assert.Contains($"{folder.ArchivePath} is missing", why);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1, 2]")]
    [InlineData("""{"format": 1, "builderImages": [], "platforms": []}""")]
    [InlineData("""{"format": "one", "builderImages": [], "platforms": [], "sha256": "00", "sizeBytes": 1, "createdAt": "2026-01-01T00:00:00Z"}""")]
    [InlineData("""{"format": 1, "builderImages": [], "platforms": [], "sha256": "xyz", "sizeBytes": 1, "createdAt": "2026-01-01T00:00:00Z"}""")]
    public async Task A_damaged_manifest_is_reported_by_path_and_never_throws(string manifest)
    {
        var (why, folder) = await WhyNotSeededAsync(f => File.WriteAllText(f.ManifestPath, manifest));

        Assert.StartsWith($"{folder.ManifestPath} is not a Go cache manifest: ", why);
    }

    /// <summary>Stores "pretend tar" for <see cref="Key"/>, applies <paramref name="damage"/>, and returns why it cannot seed.</summary>
    static async Task<(string Why, GoCacheFolder Folder)> WhyNotSeededAsync(Action<GoCacheFolder> damage, GoCacheKey? wanted = null)
    {
        var (temp, folder) = await StoredAsync("pretend tar");
        using var _ = temp;
        damage(folder);

        var check = await folder.CheckAsync(wanted ?? Key, Ct);

        Assert.False(check.Usable);
        Assert.False(check.Empty);
        return (check.Why, folder);
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
