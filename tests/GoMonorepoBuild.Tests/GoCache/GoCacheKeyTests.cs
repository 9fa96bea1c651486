using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.GoCache;

namespace GoMonorepoBuild.Tests.GoCache;

public class GoCacheKeyTests
{
    [Fact]
    public void The_order_in_which_builder_images_and_platforms_are_listed_does_not_change_the_key()
    {
        var one = GoCacheKey.For(["go1.23 b", "go1.22 a"], ["linux/arm64", "linux/amd64"]);
        var other = GoCacheKey.For(["go1.22 a", "go1.23 b", "go1.22 a"], ["linux/amd64", "linux/arm64"]);

        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.Null(one.DifferenceFrom(other));
    }

    [Fact]
    public void An_archive_of_an_older_format_is_told_apart_first()
    {
        var current = GoCacheKey.For(["go1.23 a"], ["linux/amd64"]);
        var old = current with { Format = 0 };

        Assert.NotEqual(current, old);
        Assert.Equal($"archive format 0, this version reads format {GoCacheKey.CurrentFormat}", old.DifferenceFrom(current));
    }

    [Fact]
    public void A_manifest_round_trips_through_its_JSON()
    {
        var manifest = new GoCacheManifest(GoCacheKey.For(["go1.23 layers abc"], ["linux/amd64"]), new string('a', 64), 42,
            new DateTimeOffset(2026, 11, 25, 20, 0, 0, TimeSpan.Zero));

        var json = manifest.ToJson();

        Assert.Equal(manifest, GoCacheManifest.Parse(json));
        Assert.Contains("\"archive\": \"go-cache.tar\"", json);
    }

    [Fact]
    public void The_generated_service_Dockerfiles_and_the_seed_and_export_steps_name_the_same_cache_mounts()
    {
        var seed = GoCacheDockerfiles.Seed("go:test");
        var export = GoCacheDockerfiles.Export("go:test");

        foreach (var text in new[] { seed, export })
        {
            Assert.Contains($"{GoCacheMounts.ModuleCache},sharing=locked", text);
            Assert.Contains($"{GoCacheMounts.BuildCache},sharing=locked", text);
            Assert.Contains("$" + GoCacheDockerfiles.CacheBustArg, text);
        }
        Assert.Contains("--mount=type=cache,id=gomonorepobuild-gocache,target=/root/.cache/go-build", seed);
        Assert.Contains("tar -C / -cf /out/go-cache.tar go/pkg/mod root/.cache/go-build", export);
    }
}
