using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Engine.Api;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Engine;

/// <summary>The engine asked over its API socket answers what the docker CLI answered, against a real engine.</summary>
public sealed class EngineApiEngineTests
{
    readonly DockerEnvironment _engine = RealEngine.Require();
    CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_builder_identity_asked_over_the_api_is_the_one_the_cli_gave_so_input_hashes_do_not_change()
    {
        var cli = await _engine.Docker().RunAsync(["image", "inspect", "--format",
            "{{json .RootFS.Layers}} {{json .Config.Env}} {{json .Config.WorkingDir}} {{json .Config.Entrypoint}} {{json .Config.Cmd}}",
            BuildxTestSettings.GoImage], Ct);

        var image = await _engine.Api().InspectImageAsync(BuildxTestSettings.GoImage, Ct);

        Assert.IsType<BareEngineApi>(_engine.Api());
        Assert.Equal(cli.StandardOutput.Trim(), BuilderIdentity.Described(image!));
    }

    [Fact]
    public async Task An_image_tagged_over_the_api_is_found_and_removed_and_a_missing_one_is_null()
    {
        var tag = BuildxDockerCli.UniqueTag("api");
        var api = _engine.Api();
        try
        {
            await api.TagImageAsync(BuildxTestSettings.GoImage, tag, Ct);
            var tagged = await api.InspectImageAsync(tag, Ct);
            Assert.Contains(tag, tagged!.RepoTags);
            Assert.True(tagged.Size > 0);
        }
        finally
        {
            Assert.True(await api.RemoveImageAsync(tag, Ct));
        }
        Assert.Null(await api.InspectImageAsync(tag, Ct));
        Assert.False(await api.RemoveImageAsync(tag, Ct));
    }

    [Fact]
    public async Task The_engine_version_says_its_platform()
    {
        var version = await _engine.Api().VersionAsync(Ct);

        Assert.NotEmpty(version.Version);
        Assert.Matches("^[a-z]+/[a-z0-9]+$", version.Platform);
    }

    [Fact]
    public async Task The_bare_requests_read_the_same_version_and_image_as_the_docker_api_client()
    {
        var endpoint = EngineEndpoint.Of(_engine);
        Assert.NotNull(endpoint);
        using var client = new DockerApiClient(endpoint, _engine.Describe());

        Assert.Equal(await client.VersionAsync(Ct), await EnginePing.VersionAsync(endpoint, _engine.Describe(), Ct));
        var bare = await _engine.Api().InspectImageAsync(BuildxTestSettings.GoImage, Ct);
        var viaClient = await client.InspectImageAsync(BuildxTestSettings.GoImage, Ct);
        Assert.Equal(BuilderIdentity.Described(viaClient!), BuilderIdentity.Described(bare!));
        Assert.Equal((viaClient!.Id, viaClient.Size), (bare!.Id, bare.Size));
        Assert.Equal(viaClient.RepoTags.Order(), bare.RepoTags.Order());
        Assert.Equal(viaClient.Labels.OrderBy(l => l.Key), bare.Labels.OrderBy(l => l.Key));
    }

    [Fact]
    public async Task An_engine_that_is_not_there_is_an_error_naming_it()
    {
        var gone = _engine with { DockerHost = $"unix:///tmp/gmb-no-engine-{Guid.NewGuid():N}.sock" };

        var error = await Assert.ThrowsAsync<EngineApiException>(() => gone.Api().InspectImageAsync("x:y", Ct));

        Assert.Contains("gmb-no-engine", error.Message);
    }
}
