using GoMonorepoBuild.Building;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Building;

/// <summary>The cache arguments each service's build gets: a cache of its own, mode=max where the backend has it.</summary>
public class BuildCacheTests
{
    [Fact]
    public void Gha_gives_each_service_its_own_scope_with_mode_max()
    {
        var cache = new BuildCache(CacheBackend.Gha);

        var (apiFrom, apiTo) = cache.For("api", "reg/api");
        var (webFrom, webTo) = cache.WithReference("shop").For("web", "reg/web");

        Assert.Equal(["type=gha,scope=gomonorepobuild-api"], apiFrom);
        Assert.Equal(["type=gha,scope=gomonorepobuild-api,mode=max"], apiTo);
        Assert.Equal(["type=gha,scope=shop-web"], webFrom);
        Assert.Equal(["type=gha,scope=shop-web,mode=max"], webTo);
    }

    [Fact]
    public void Registry_keeps_each_services_cache_in_its_own_repository()
    {
        var (from, to) = new BuildCache(CacheBackend.Registry, Reference: "127.0.0.1:5000/cache/").For("api", "x/api");

        Assert.Equal(["type=registry,ref=127.0.0.1:5000/cache/api:buildcache"], from);
        Assert.Equal(["type=registry,ref=127.0.0.1:5000/cache/api:buildcache,mode=max"], to);
    }

    [Fact]
    public void Registry_without_a_reference_says_which_option_to_pass() =>
        Assert.Contains("--cache-ref", Assert.Throws<InvalidOperationException>(() => new BuildCache(CacheBackend.Registry).For("api", "x/api")).Message);

    [Fact]
    public void Local_imports_a_services_folder_only_once_it_holds_a_cache()
    {
        using var folder = new DockerfilesScratchFolder();
        var cache = new BuildCache(CacheBackend.Local, folder.Path);

        var (firstFrom, to) = cache.For("api", "x/api");
        folder.Write("api/index.json", "{}");
        var (laterFrom, _) = cache.For("api", "x/api");

        Assert.Empty(firstFrom);
        Assert.Equal([$"type=local,dest={folder["api"]},mode=max"], to);
        Assert.Equal([$"type=local,src={folder["api"]}"], laterFrom);
    }

    [Fact]
    public void Inline_exports_into_the_image_and_reads_back_its_latest_tag()
    {
        var (from, to) = new BuildCache(CacheBackend.Inline).For("api", "reg/api");
        Assert.Equal(["type=registry,ref=reg/api:latest"], from);
        Assert.Equal(["type=inline"], to);
    }

    [Fact]
    public void None_imports_and_exports_nothing()
    {
        var (from, to) = BuildCache.None.For("api", "reg/api");
        Assert.Empty(from);
        Assert.Empty(to);
    }
}
