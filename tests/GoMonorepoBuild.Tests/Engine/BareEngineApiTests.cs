using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Engine.Api;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Engine;

/// <summary>
/// The engine questions as bare requests, against a real unix socket this test serves: what is asked, and how the
/// answers read (the real engine's answers are checked in <see cref="EngineApiEngineTests"/>).
/// </summary>
public sealed class BareEngineApiTests : IDisposable
{
    const string Inspected = """
        {"Id":"sha256:abc","RepoTags":["registry:5000/team/app:v1"],"Size":2456,
         "Config":{"Env":null,"WorkingDir":"/app","Entrypoint":["/app/app"],"Cmd":[],"Labels":{"org.opencontainers.image.revision":"0123"}},
         "RootFS":{"Type":"layers","Layers":["sha256:l1","sha256:l2"]}}
        """;

    readonly CannedEngineSocket engine = new();
    CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => engine.Dispose();

    BareEngineApi Api => new(engine.Endpoint, "test engine");

    [Fact]
    public async Task An_image_is_inspected_by_its_name_in_the_path_and_read_into_its_facts()
    {
        var served = engine.Serve(Ct, $"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{Inspected}");

        var image = await Api.InspectImageAsync("registry:5000/team/app:v1", Ct);

        Assert.StartsWith("GET /images/registry%3A5000/team/app%3Av1/json HTTP/1.0\r\n", (await served).Single());
        Assert.Equal("sha256:abc", image!.Id);
        Assert.Equal(["registry:5000/team/app:v1"], image.RepoTags);
        Assert.Equal(2456, image.Size);
        Assert.Equal("0123", image.Label("org.opencontainers.image.revision"));
        Assert.Equal(["sha256:l1", "sha256:l2"], image.Layers);
        // null and [] stay apart: the builder identity hashes them differently, as the CLI's JSON did.
        Assert.Null(image.Env);
        Assert.Equal([], image.Cmd!);
        Assert.Equal("""["sha256:l1","sha256:l2"] null "/app" ["/app/app"] []""", BuilderIdentity.Described(image));
    }

    [Fact]
    public async Task A_missing_image_is_null_and_removing_it_is_false()
    {
        const string NotFound = "HTTP/1.0 404 Not Found\r\n\r\n{\"message\":\"No such image: x:y\"}";
        var served = engine.Serve(Ct, NotFound, NotFound);

        Assert.Null(await Api.InspectImageAsync("x:y", Ct));
        Assert.False(await Api.RemoveImageAsync("x:y", Ct));

        Assert.StartsWith("DELETE /images/x%3Ay HTTP/1.0\r\n", (await served)[1]);
    }

    [Fact]
    public async Task Tagging_names_the_repository_and_tag_and_an_engine_error_is_an_error_naming_the_question()
    {
        var served = engine.Serve(Ct, "HTTP/1.0 201 Created\r\n\r\n", "HTTP/1.0 409 Conflict\r\n\r\n{\"message\":\"image is in use\"}");

        await Api.TagImageAsync("sha256:abc", "registry:5000/team/app:v2", Ct);
        var error = await Assert.ThrowsAsync<EngineApiException>(() => Api.RemoveImageAsync("registry:5000/team/app:v2", Ct));

        Assert.StartsWith("POST /images/sha256%3Aabc/tag?repo=registry%3A5000%2Fteam%2Fapp&tag=v2 HTTP/1.0\r\n", (await served)[0]);
        Assert.Contains("409", error.Message);
        Assert.Contains("removing image registry:5000/team/app:v2", error.Message);
        Assert.Contains("image is in use", error.Message);
    }
}
