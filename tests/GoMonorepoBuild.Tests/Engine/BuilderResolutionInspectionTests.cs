using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Engine.Api;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Engine;

/// <summary>
/// Resolving the builder image hands back the engine's inspection of the image it chose, so that its identity needs
/// no second request: against a unix socket this test serves, answering by the path asked (the two first questions
/// are asked at once, so in no fixed order).
/// </summary>
public sealed class BuilderResolutionInspectionTests : IDisposable
{
    static readonly string Seeded = OfflineGoImage.Tag("1.23");

    static string SeededJson(string recipe) => $$$"""
        {"Id":"sha256:seed","RepoTags":["{{{Seeded}}}"],"Size":1,
         "Config":{"Env":["PATH=/usr/lib/go/bin:/bin"],"WorkingDir":"","Entrypoint":null,"Cmd":["/bin/sh"],
                   "Labels":{"{{{OfflineGoImage.RecipeLabel}}}":"{{{recipe}}}","{{{OfflineGoImage.OriginLabel}}}":"seeded in a test"}},
         "RootFS":{"Type":"layers","Layers":["sha256:l1"]}}
        """;

    const string OfficialJson = """
        {"Id":"sha256:official","RepoTags":["golang:1.23-alpine"],"Size":1,
         "Config":{"Env":["GOLANG_VERSION=1.23.5"],"WorkingDir":"/go","Entrypoint":null,"Cmd":["/bin/sh"],"Labels":null},
         "RootFS":{"Type":"layers","Layers":["sha256:o1","sha256:o2"]}}
        """;

    const string NotFound = "HTTP/1.0 404 Not Found\r\n\r\n{\"message\":\"No such image\"}";

    readonly CannedEngineSocket socket = new();
    DockerEnvironment Engine => new("unix://" + socket.SocketPath, null, []);
    CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => socket.Dispose();

    static string Ok(string json) => $"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{json}";

    [Fact]
    public async Task The_seeded_image_comes_with_the_inspection_its_identity_is_read_from()
    {
        var served = Serve(2, path => path.Contains("golang", StringComparison.Ordinal) ? NotFound : Ok(SeededJson(OfflineGoImage.Recipe)));

        var resolved = await BuilderImage.ResolveInspectedAsync(Engine, "1.23", null, new EngineOptions(), Ct);

        Assert.Equal(Seeded, resolved.Image.Reference);
        Assert.True(resolved.Image.Seeded);
        Assert.Equal(BuilderIdentity.Of(ImageFactsJson.Parse(SeededJson(OfflineGoImage.Recipe))), BuilderIdentity.Of(resolved.Facts!));
        Assert.Equal(2, (await served).Count);
    }

    [Fact]
    public async Task The_official_image_comes_with_its_own_inspection_not_the_seeded_ones()
    {
        var served = Serve(2, path => path.Contains("golang", StringComparison.Ordinal) ? Ok(OfficialJson) : Ok(SeededJson(OfflineGoImage.Recipe)));

        var resolved = await BuilderImage.ResolveInspectedAsync(Engine, "1.23", null, new EngineOptions(), Ct);

        Assert.Equal("golang:1.23-alpine", resolved.Image.Reference);
        Assert.Equal(BuilderIdentity.Of(ImageFactsJson.Parse(OfficialJson)), BuilderIdentity.Of(resolved.Facts!));
        await served;
    }

    [Fact]
    public async Task An_override_present_in_the_engine_comes_with_its_inspection()
    {
        var served = Serve(1, _ => Ok(OfficialJson));

        var resolved = await BuilderImage.ResolveInspectedAsync(Engine, "1.23", "golang:1.23-alpine", new EngineOptions(), Ct);

        Assert.Equal("golang:1.23-alpine", resolved.Image.Reference);
        Assert.Equal("sha256:official", resolved.Facts!.Id);
        Assert.StartsWith("GET /images/golang%3A1.23-alpine/json ", (await served).Single());
    }

    Task<List<string>> Serve(int count, Func<string, string> answer) =>
        socket.Serve(count, request => answer(request.Split(' ')[1]), Ct);
}
