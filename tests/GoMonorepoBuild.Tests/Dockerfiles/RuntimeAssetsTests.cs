using GoMonorepoBuild.Dockerfiles;

namespace GoMonorepoBuild.Tests.Dockerfiles;

/// <summary>What a scratch image needs beside the binary, from the service's std imports and, for zone data, its code.</summary>
public sealed class RuntimeAssetsTests
{
    const string LoadsLocation = """
        package main

        import "time"

        func main() { _, _ = time.LoadLocation("Europe/Berlin") }
        """;

    /// <summary>The texts, counting how many were read (the scan is lazy: a text not needed is never read).</summary>
    sealed class CountedTexts(params string[] texts)
    {
        public int Read { get; private set; }

        public IEnumerable<string> Texts()
        {
            foreach (var text in texts)
            {
                Read++;
                yield return text;
            }
        }
    }

    [Fact]
    public void Code_that_imports_time_and_calls_LoadLocation_gets_the_zone_database()
    {
        var texts = new CountedTexts("package main", LoadsLocation);

        var needs = RuntimeAssets.Decide(["fmt", "time"], texts.Texts());

        Assert.True(needs.ZoneInfo);
        Assert.Equal(2, texts.Read);
    }

    [Fact]
    public void A_service_whose_packages_do_not_import_time_is_not_scanned_at_all()
    {
        var texts = new CountedTexts(LoadsLocation.Replace("import \"time\"", "import time \"example.com/tz\""));

        var needs = RuntimeAssets.Decide(["fmt", "net/http"], texts.Texts());

        Assert.False(needs.ZoneInfo);
        Assert.Equal(0, texts.Read);
        Assert.True(needs.CaCertificates);
    }

    [Fact]
    public void Code_that_embeds_the_database_itself_needs_none_and_is_not_scanned()
    {
        var texts = new CountedTexts(LoadsLocation);

        var needs = RuntimeAssets.Decide(["time", "time/tzdata"], texts.Texts());

        Assert.False(needs.ZoneInfo);
        Assert.Equal(0, texts.Read);
    }

    [Fact]
    public void Code_that_imports_time_without_loading_locations_needs_none()
    {
        var needs = RuntimeAssets.Decide(["time"], new CountedTexts("package main\nimport \"time\"\nvar d = time.Second").Texts());

        Assert.Equal(new RuntimeAssets(CaCertificates: false, ZoneInfo: false), needs);
    }
}
