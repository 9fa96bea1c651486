using System.Formats.Tar;
using System.Text.Json;
using GoMonorepoBuild.Engine;

namespace GoMonorepoBuild.Tests.Engine;

public sealed class SingleLayerImageArchiveTests
{
    static SingleLayerImageArchive Archive => new("example/go:1.23", ["PATH=/bin", "GOTOOLCHAIN=local"], "/go",
        new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" });

    [Fact]
    public Task The_same_layer_and_settings_give_the_same_archive_contents_whenever_they_are_written() => WithLayerAsync(async (folder, layer) =>
    {
        var first = Path.Combine(folder, "first.tar");
        var second = Path.Combine(folder, "second.tar");

        await Archive.WriteAsync(layer, first, TestContext.Current.CancellationToken);
        await Task.Delay(1100, TestContext.Current.CancellationToken);
        await Archive.WriteAsync(layer, second, TestContext.Current.CancellationToken);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        var names = new List<string>();
        await using var reader = new TarReader(File.OpenRead(first));
        while (await reader.GetNextEntryAsync(cancellationToken: TestContext.Current.CancellationToken) is { } entry) names.Add(entry.Name);
        Assert.Equal(3, names.Count);
        Assert.Contains("manifest.json", names);
        Assert.Contains("layer.tar", names);
    });

    [Fact]
    public void The_config_names_the_layer_a_fixed_creation_time_and_labels_in_a_stable_order()
    {
        using var config = JsonDocument.Parse(Archive.ConfigJson("sha256:abc"));
        var root = config.RootElement;

        Assert.Equal("1970-01-01T00:00:00Z", root.GetProperty("created").GetString());
        Assert.Equal("linux", root.GetProperty("os").GetString());
        Assert.Equal(["sha256:abc"], root.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["a", "b"], root.GetProperty("config").GetProperty("Labels").EnumerateObject().Select(p => p.Name));
        Assert.Equal("/go", root.GetProperty("config").GetProperty("WorkingDir").GetString());
    }

    [Fact]
    public Task The_manifest_names_the_config_the_tag_and_the_layer_as_docker_load_reads_them() => WithLayerAsync(async (folder, layer) =>
    {
        var archive = Path.Combine(folder, "image.tar");
        await Archive.WriteAsync(layer, archive, TestContext.Current.CancellationToken);

        var entries = new Dictionary<string, string>();
        await using var reader = new TarReader(File.OpenRead(archive));
        while (await reader.GetNextEntryAsync(copyData: true, TestContext.Current.CancellationToken) is { } entry)
            if (entry.Name.EndsWith(".json", StringComparison.Ordinal))
                entries[entry.Name] = new StreamReader(entry.DataStream!).ReadToEnd();
        var config = entries.Keys.Single(name => name != "manifest.json");

        Assert.Equal($$"""[{"Config":"{{config}}","RepoTags":["example/go:1.23"],"Layers":["layer.tar"]}]""", entries["manifest.json"]);
    });

    /// <summary>Runs <paramref name="test"/> with a temp folder holding a 4 KiB layer.tar, deleted afterwards.</summary>
    static async Task WithLayerAsync(Func<string, string, Task> test)
    {
        var folder = Directory.CreateTempSubdirectory("gmb-archive-").FullName;
        try
        {
            var layer = Path.Combine(folder, "layer.tar");
            File.WriteAllBytes(layer, Enumerable.Range(0, 4096).Select(i => (byte)i).ToArray());
            await test(folder, layer);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
