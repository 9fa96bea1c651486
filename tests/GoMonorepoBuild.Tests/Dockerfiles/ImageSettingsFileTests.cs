using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Dockerfiles;

public sealed class ImageSettingsFileTests : IDisposable
{
    readonly DockerfilesScratchFolder _folder = new();

    string File => _folder[ImageSettingsFile.FileName];

    ImageSettingsFile Load(string json)
    {
        _folder.Write(ImageSettingsFile.FileName, json);
        return ImageSettingsFile.Load(File);
    }

    static readonly RuntimeAssets NeedsBoth = new(true, true);

    [Fact]
    public void Without_a_settings_file_every_service_gets_the_defaults()
    {
        var file = ImageSettingsFile.Load(File);
        var options = file.For("payments", ImageSettings.None).ApplyTo(DockerfileOptions.Default, NeedsBoth);
        Assert.Equal(("scratch", true, true, false), (options.RuntimeBase, options.IncludeCaCertificates, options.EmbedTimeZoneData, options.IncludeZoneInfo));
    }

    [Fact]
    public void A_service_section_wins_over_the_global_runtime_which_wins_over_the_file_defaults()
    {
        var file = Load("""
            // comments and trailing commas are fine
            {
              "defaults": { "runtime": "alpine", "source": "https://example.com/repo", "zoneInfo": "never" },
              "services": {
                "payments": { "runtime": "distroless", "caCertificates": "never", "version": "1.4.0", },
                "scheduler": { "zoneInfo": "files", "versionVariable": "example.com/x/build.Version", "version": "2.0.0" }
              }
            }
            """);
        var global = ImageSettings.None.WithRuntime("scratch");

        var payments = file.For("payments", global).ApplyTo(DockerfileOptions.Default, NeedsBoth);
        var scheduler = file.For("scheduler", global).ApplyTo(DockerfileOptions.Default, NeedsBoth);
        var orders = file.For("orders", ImageSettings.None).ApplyTo(DockerfileOptions.Default, NeedsBoth);

        Assert.Equal(("distroless", false, false, "1.4.0", "https://example.com/repo"),
            (payments.RuntimeBase, payments.IncludeCaCertificates, payments.EmbedTimeZoneData, payments.Version, payments.ImageSource));
        Assert.Equal(("scratch", true, false, true, "example.com/x/build.Version"),
            (scheduler.RuntimeBase, scheduler.IncludeCaCertificates, scheduler.EmbedTimeZoneData, scheduler.IncludeZoneInfo, scheduler.VersionVariable));
        Assert.Equal("alpine", orders.RuntimeBase);
    }

    [Fact]
    public void Always_forces_certificates_and_embed_forces_time_zones_on_a_service_that_needs_neither()
    {
        var file = Load("""{ "services": { "orders": { "caCertificates": "always", "zoneInfo": "embed" } } }""");
        var options = file.For("orders", ImageSettings.None).ApplyTo(DockerfileOptions.Default, new RuntimeAssets(false, false));
        Assert.Equal((true, true), (options.IncludeCaCertificates, options.EmbedTimeZoneData));
    }

    [Theory]
    [InlineData("""{ "defaults": { "runtme": "alpine" } }""", "runtme")]
    [InlineData("""{ "defaults": { "zoneInfo": "sometimes" } }""", "zoneInfo")]
    [InlineData("""{ "services": { "payments": { "version": "1.0 beta" } } }""", "service 'payments'")]
    [InlineData("""{ "defaults": { "runtime": "my image" } }""", "\"defaults\"")]
    [InlineData("""{ "services": [ ] }""", "services")]
    public void A_file_that_cannot_be_used_is_an_error_naming_the_file_and_the_setting(string json, string named)
    {
        var e = Assert.Throws<ImageSettingsException>(() => Load(json));
        Assert.StartsWith(File + ":", e.Message);
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void A_section_for_a_service_that_does_not_exist_is_an_error_listing_the_services()
    {
        var file = Load("""{ "services": { "paymnts": { "runtime": "alpine" } } }""");
        var e = Assert.Throws<ImageSettingsException>(() => file.RequireKnownServices(["orders", "payments"]));
        Assert.Contains("'paymnts'", e.Message);
        Assert.Contains("orders, payments", e.Message);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_build_context_of_an_own_Dockerfile_is_set_per_service_or_by_default()
    {
        var file = Load("""{ "defaults": { "context": "service" }, "services": { "payments": { "context": "root" }, "web": { "context": "deploy/web" } } }""");

        var contexts = file.BuildContexts;

        Assert.Equal(("service", "services/orders"), (contexts.For("orders")!.Value, contexts.For("orders")!.FolderFor("services/orders")));
        Assert.Equal(".", contexts.For("payments")!.FolderFor("services/payments"));
        Assert.Equal("deploy/web", contexts.For("web")!.FolderFor("services/web"));
    }

    [Fact]
    public void A_context_outside_the_monorepo_is_an_error_naming_the_file_and_service()
    {
        var error = Assert.Throws<ImageSettingsException>(() => Load("""{ "services": { "web": { "context": "../elsewhere" } } }"""));
        Assert.Contains(ImageSettingsFile.FileName, error.Message);
        Assert.Contains("service 'web': \"context\": \"../elsewhere\" leaves the monorepo", error.Message);
    }
}
