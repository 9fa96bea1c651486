using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Dockerfiles;

/// <summary>
/// What the generated Dockerfiles promise about the images, checked on a real BuildKit engine: reproducible
/// digests, cross-compiled multi-platform images, the on-demand debug variant, embedded time zones.
/// </summary>
public sealed class ImageEngineTests : IAsyncDisposable
{
    readonly DockerEnvironment _engine = RealEngine.Require();
    readonly BuildxHelloMonorepo _repo = new();
    readonly List<string> _tags = [];

    BuildxDockerCli Docker => new(_engine);

    static DockerfileOptions Options => DockerfileOptions.Default.WithBuilderImage(BuildxTestSettings.GoImage).WithMetadataLabels();

    string NewTag(string name)
    {
        var tag = BuildxDockerCli.UniqueTag(name);
        _tags.Add(tag);
        return tag;
    }

    async Task<BuildOutcome> BuildAsync(ServiceBuildInput service, DockerfileOptions options, Func<BuildxBuild, BuildxBuild> customize)
    {
        var generated = ServiceGenerator.Generate(_repo.Root, service, options, _repo.OutDir);
        var build = customize(new BuildxBuild(generated.Name, generated.DockerfilePath, generated.ContextDir)
            .WithNetwork(BuildxTestSettings.Network)
            .WithMetadataFile(Path.Combine(_repo.OutDir, "meta", $"{Guid.NewGuid():N}.json")));
        var outcome = await new BuildxDriver(_engine).BuildAsync(build, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{service.Name}: {(outcome.Succeeded ? "ok" : "FAILED")} in {outcome.Duration.TotalSeconds:0.00}s, digest {outcome.Metadata.ImageDigest}");
        Assert.True(outcome.Succeeded, outcome.Error + "\n" + outcome.LogTail);
        return outcome;
    }

    [Fact]
    public async Task The_same_commit_built_twice_without_cache_gives_the_same_image_digest()
    {
        // BuildKit 0.13 (Docker 26) can panic in walkProvenance when a --no-cache build shares vertices with a
        // concurrent build, taking dockerd down. A builder tag of its own makes every vertex of this build unique.
        var builder = NewTag("go");
        var tagged = await Docker.RunAsync("tag", BuildxTestSettings.GoImage, builder);
        Assert.True(tagged.ExitCode == 0, tagged.StandardError);
        var options = Options.WithBuilderImage(builder);
        var epoch = "1700000000";
        BuildxBuild Reproducible(BuildxBuild b, string dest) => b
            .WithNoCache()
            .WithBuildArg("SOURCE_DATE_EPOCH", epoch)
            .WithBuildArg("CREATED", "2023-11-14T22:13:20Z")
            .WithOutput($"type=oci,dest={dest},rewrite-timestamp=true");

        var first = await BuildAsync(_repo.Hello, options, b => Reproducible(b, Path.Combine(_repo.OutDir, "first.tar")));
        // Another day, another checkout: every input file gets a new modification time.
        foreach (var file in Directory.EnumerateFiles(_repo.Root, "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(3));
        var second = await BuildAsync(_repo.Hello, options, b => Reproducible(b, Path.Combine(_repo.OutDir, "second.tar")));

        Assert.StartsWith("sha256:", first.Metadata.ImageDigest);
        Assert.Equal(first.Metadata.ImageDigest, second.Metadata.ImageDigest);
        Assert.True(first.RunSteps > 0 && second.RunSteps > 0, "both builds ran their steps (--no-cache)");
    }

    [Fact]
    public async Task One_service_builds_for_amd64_and_arm64_by_cross_compiling_into_one_image_index()
    {
        var dest = Path.Combine(_repo.OutDir, "multi.tar");

        await BuildAsync(_repo.Hello, Options, b => b
            .WithPlatforms("linux/amd64", "linux/arm64")
            .WithOutput($"type=oci,dest={dest}"));

        var layout = new OciLayout(dest);
        var manifests = layout.Manifests();
        Assert.Equal(["linux/amd64", "linux/arm64"], manifests.Select(m => m.Platform).Order(StringComparer.Ordinal));
        // ELF e_machine (offset 18): 0x3E x86-64, 0xB7 AArch64. Each platform holds a binary of its own.
        foreach (var (platform, digest) in manifests)
        {
            var binary = layout.FileOf(digest, ContextLayout.BinaryPath);
            Assert.NotNull(binary);
            Assert.Equal(platform == "linux/arm64" ? 0xB7 : 0x3E, binary[18]);
            Assert.NotNull(layout.FileOf(digest, "/etc/passwd"));
        }
    }

    [Fact]
    public async Task The_debug_variant_has_a_shell_and_runs_the_same_binary_as_non_root_while_the_image_has_no_shell()
    {
        var debug = NewTag("hello-debug");
        var image = NewTag("hello");

        await BuildAsync(_repo.Hello, Options, b => b.WithTarget("debug").WithTag(debug).WithLoad());
        await BuildAsync(_repo.Hello, Options, b => b.WithTag(image).WithLoad());

        var shell = await Docker.RunAsync("run", "--rm", "--network", "none", "--entrypoint", "sh", debug,
            "-c", "id -u && /app -healthcheck && /app");
        Assert.True(shell.ExitCode == 0, shell.StandardError);
        Assert.Equal($"65532\nhello, world {_repo.Salt}", shell.StandardOutput.Trim());
        var noShell = await Docker.RunAsync("run", "--rm", "--network", "none", "--entrypoint", "sh", image, "-c", "true");
        Assert.NotEqual(0, noShell.ExitCode);
        var user = await Docker.RunAsync("image", "inspect", "--format", "{{.Config.User}}", image);
        Assert.Equal("65532:65532", user.StandardOutput.Trim());
    }

    [Fact]
    public async Task A_service_loading_time_zones_runs_on_scratch_with_the_zone_database_embedded_instead_of_zone_files()
    {
        var tag = NewTag("clock");
        var options = new ImageSettings { Version = "2.1.0" }.ApplyTo(Options, new RuntimeAssets(CaCertificates: true, ZoneInfo: true));
        Assert.False(options.IncludeZoneInfo);

        await BuildAsync(_repo.Clock, options, b => b.WithTag(tag).WithLoad());

        var run = await Docker.RunAsync("run", "--rm", "--network", "none", tag);
        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
        Assert.Equal("clock 2.1.0", run.StandardOutput.Trim());
        var version = await Docker.RunAsync("image", "inspect", "--format",
            "{{index .Config.Labels \"org.opencontainers.image.version\"}}", tag);
        Assert.Equal("2.1.0", version.StandardOutput.Trim());
    }

    public async ValueTask DisposeAsync()
    {
        await Docker.RemoveImagesAsync([.. _tags]);
        _repo.Dispose();
    }
}
