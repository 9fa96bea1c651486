using GoMonorepoBuild.Inputs;

namespace GoMonorepoBuild.Tests.Inputs;

public class ServiceInputHashTests
{
    sealed class FakeDigests(Dictionary<string, string> digests) : IFileDigests
    {
        public string Of(string relativePath) => digests[relativePath];
    }

    static readonly Dictionary<string, string> Files = new()
    {
        ["services/a/go.mod"] = "1111", ["services/a/main.go"] = "2222", ["libs/x/x.go"] = "3333", ["README.md"] = "4444",
    };

    static ServiceInputHash Hash(
        IEnumerable<string>? files = null, Dictionary<string, string>? digests = null, string dockerfile = "FROM scratch\n",
        Dictionary<string, string>? args = null, string[]? platforms = null, string builder = "sha256:builder") =>
        ServiceInputHash.Compute(
            files ?? ["services/a/go.mod", "services/a/main.go", "libs/x/x.go"], new FakeDigests(digests ?? Files), dockerfile,
            args ?? new Dictionary<string, string> { ["A"] = "1" }, platforms ?? ["linux/amd64"], builder);

    [Fact]
    public void Order_and_path_separators_do_not_change_the_hash() =>
        Assert.Equal(Hash(), Hash(files: ["libs\\x\\x.go", "services/a/main.go", "services/a/go.mod", "libs/x/x.go"]));

    [Fact]
    public void A_file_that_is_not_an_input_does_not_change_the_hash() =>
        Assert.Equal(Hash(), Hash(digests: new Dictionary<string, string>(Files) { ["README.md"] = "changed" }));

    [Fact]
    public void Each_kind_of_input_changes_the_hash()
    {
        var baseline = Hash().Value;
        Assert.NotEqual(baseline, Hash(digests: new Dictionary<string, string>(Files) { ["libs/x/x.go"] = "changed" }).Value);
        Assert.NotEqual(baseline, Hash(files: ["services/a/go.mod", "services/a/main.go"]).Value);
        Assert.NotEqual(baseline, Hash(dockerfile: "FROM alpine\n").Value);
        Assert.NotEqual(baseline, Hash(args: new Dictionary<string, string> { ["A"] = "2" }).Value);
        Assert.NotEqual(baseline, Hash(platforms: ["linux/amd64", "linux/arm64"]).Value);
        Assert.NotEqual(baseline, Hash(builder: "sha256:other").Value);
    }

    [Fact]
    public void The_tag_is_a_valid_docker_tag_carrying_the_hash()
    {
        var hash = Hash();
        Assert.Matches("^[a-f0-9]{64}$", hash.Value);
        Assert.Equal("inputs-" + hash.Value[..20], hash.Tag);
        Assert.Matches("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", hash.Tag);
    }
}
