using System.Formats.Tar;
using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.GoCache;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Tests.Building;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.GoCache;

/// <summary>
/// The Go caches carried in a --go-cache folder between the test's engine (runner A) and a freshly provisioned
/// engine (runner B) with its own data root, which share nothing but that folder and the builder image.
/// </summary>
public class GoCacheAcrossRunnersTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    const string EditedFile = "services/gateway/internal/routes/routes.go";

    [Fact]
    public async Task A_cold_runner_seeded_from_another_runners_export_compiles_only_the_edited_packages()
    {
        var engineA = RealEngine.Require();
        using var example = new ExampleRepositoryCopy();
        using var runnerA = new RealBuild();
        var folder = new GoCacheFolder(Path.Combine(runnerA.Root, "carried"));
        var unique = "gmb-gocache-" + Guid.NewGuid().ToString("N")[..8];
        var imagesOnA = new List<string>();
        try
        {
            var goImage = (await BuilderImage.ResolveAsync(engineA, GoVersions.Fallback, null, new EngineOptions(), Ct)).Reference;
            string[] arguments = ["BuildChanged", "--monorepo", example.Root, "--registry", unique, "--only", "gateway",
                "--go-image", goImage, "--go-cache", folder.Path];
            example.Append(EditedFile, $"\n// edited on runner A: {unique}\n");
            example.Commit("edit the gateway on A");

            var onA = await RunAsync(runnerA, [], arguments);
            imagesOnA.AddRange(TagsOf(runnerA));
            Assert.Contains("exported the Go caches to " + folder.ArchivePath, onA);
            var manifest = GoCacheManifest.Parse(File.ReadAllText(folder.ManifestPath));
            Assert.Equal(new FileInfo(folder.ArchivePath).Length, manifest.SizeBytes);
            var exportedByA = BuildCacheEntries(folder.ArchivePath);
            Assert.True(exportedByA.Count > 100, $"A's archive holds only {exportedByA.Count} GOCACHE entries");

            await using var runnerB = await ColdRunner.StartAsync(Ct);
            await runnerB.LoadImageAsync(engineA, goImage, Ct);
            example.Append(EditedFile, $"\n// edited on runner B: {unique}\n");
            example.Commit("edit the gateway on B");

            var onB = await RunAsync(runnerB.Build, runnerB.Environment, arguments);

            Assert.Contains("seeded the Go caches from " + folder.ArchivePath, onB);
            Assert.Equal("built", BuildReportFile.Read(runnerB.Build)["gateway"].Status());
            // B exported into the folder after building: its mount holds A's entries (the seed landed in the mount the
            // build uses) plus only what B compiled. A cold GOCACHE would have compiled the standard library and every
            // package again; a seeded one recompiles the edited package and what imports it.
            var exportedByB = BuildCacheEntries(folder.ArchivePath);
            Assert.Empty(exportedByA.Except(exportedByB));
            var compiledOnB = exportedByB.Except(exportedByA).ToList();
            TestContext.Current.TestOutputHelper?.WriteLine($"A exported {exportedByA.Count} GOCACHE entries; B added {compiledOnB.Count}");
            Assert.True(compiledOnB.Count > 0, "B's build wrote nothing into GOCACHE: the edit did not reach the compiler");
            Assert.True(compiledOnB.Count * 10 < exportedByA.Count,
                $"B wrote {compiledOnB.Count} new GOCACHE entries beside A's {exportedByA.Count}: it recompiled far more than the edited package");
        }
        finally
        {
            await new BuildxDockerCli(engineA).RemoveImagesAsync([.. imagesOnA]);
        }
    }

    [Fact]
    public async Task A_corrupt_or_foreign_carried_cache_is_a_warning_naming_the_file_and_the_build_still_succeeds_and_replaces_it()
    {
        var engine = RealEngine.Require();
        using var example = new ExampleRepositoryCopy();
        using var runner = new RealBuild();
        var folder = new GoCacheFolder(Path.Combine(runner.Root, "carried"));
        var unique = "gmb-gocache-" + Guid.NewGuid().ToString("N")[..8];
        var images = new List<string>();
        try
        {
            var exported = await RunAsync(runner, [], ["ExportGoCache", "--monorepo", example.Root, "--go-cache", folder.Path]);
            Assert.Contains("exported the Go caches", exported);
            var manifest = File.ReadAllText(folder.ManifestPath);

            File.WriteAllText(folder.ManifestPath, manifest.Replace("linux/", "plan9/"));
            var foreign = await RunAsync(runner, [], ["SeedGoCache", "--monorepo", example.Root, "--go-cache", folder.Path]);
            Assert.Contains($"warning: Not seeding the Go caches: {folder.ArchivePath} does not fit this run: made for platform(s) plan9/", foreign);

            File.WriteAllText(folder.ManifestPath, manifest);
            await using (var archive = File.OpenWrite(folder.ArchivePath))
            {
                archive.Position = archive.Length / 2;
                archive.Write("corrupted"u8);
            }
            example.Append(EditedFile, $"\n// {unique}\n");
            example.Commit("edit the gateway");
            var built = await RunAsync(runner, [], ["BuildChanged", "--monorepo", example.Root, "--registry", unique, "--only", "gateway", "--go-cache", folder.Path]);

            Assert.Contains($"warning: Not seeding the Go caches: {folder.ArchivePath} does not match the SHA-256 in {folder.ManifestPath}", built);
            Assert.Equal("built", BuildReportFile.Read(runner)["gateway"].Status());
            images.AddRange(TagsOf(runner));
            // The export after the build replaced the corrupt archive with one that verifies.
            var key = GoCacheManifest.Parse(File.ReadAllText(folder.ManifestPath)).Key;
            Assert.True((await folder.CheckAsync(key, Ct)).Usable);

            // A run that builds nothing neither seeds nor exports: the folder stays as the last build left it.
            var archiveWritten = File.GetLastWriteTimeUtc(folder.ArchivePath);
            var nothingToBuild = await RunAsync(runner, [], ["BuildChanged", "--monorepo", example.Root, "--registry", unique, "--only", "gateway", "--go-cache", folder.Path]);
            Assert.Equal("skipped", BuildReportFile.Read(runner)["gateway"].Status());
            Assert.DoesNotContain("Go caches", nothingToBuild);
            Assert.Equal(archiveWritten, File.GetLastWriteTimeUtc(folder.ArchivePath));
        }
        finally
        {
            await new BuildxDockerCli(engine).RemoveImagesAsync([.. images]);
        }
    }

    [Fact]
    public async Task A_go_cache_folder_that_cannot_be_written_is_a_warning_not_a_failed_target()
    {
        RealEngine.Require();
        using var example = new ExampleRepositoryCopy();
        using var runner = new RealBuild();
        var notAFolder = Path.Combine(runner.Root, "a-file");
        File.WriteAllText(notAFolder, "in the way");

        var output = await RunAsync(runner, [], ["ExportGoCache", "--monorepo", example.Root, "--go-cache", notAFolder]);

        Assert.Contains($"warning: exporting the Go caches to {notAFolder} failed, carrying on without: ", output);
        Assert.Equal("in the way", File.ReadAllText(notAFolder));
    }

    /// <summary>The GOCACHE files in an archive (content-addressed names: equal names are equal entries).</summary>
    static HashSet<string> BuildCacheEntries(string archive)
    {
        var entries = new HashSet<string>(StringComparer.Ordinal);
        using var reader = new TarReader(File.OpenRead(archive));
        while (reader.GetNextEntry() is { } entry)
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile
                && entry.Name.StartsWith(GoCacheMounts.BuildCacheTarget.TrimStart('/') + "/", StringComparison.Ordinal)
                && !entry.Name.EndsWith("/trim.txt", StringComparison.Ordinal) && !entry.Name.EndsWith("/README", StringComparison.Ordinal))
                entries.Add(entry.Name);
        return entries;
    }

    static IEnumerable<string> TagsOf(RealBuild build) =>
        BuildReportFile.Read(build).Values.Where(s => s.TryGetProperty("tags", out _))
            .SelectMany(s => s.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)).ToList();

    static async Task<string> RunAsync(RealBuild runner, IEnumerable<KeyValuePair<string, string?>> environment, string[] arguments)
    {
        ProcessResult result = await runner.RunAsync(environment, arguments);
        Assert.True(result.ExitCode == 0, $"{arguments[0]} exited {result.ExitCode}:\n{result.StandardOutput}\n{result.StandardError}");
        return result.StandardOutput;
    }
}
