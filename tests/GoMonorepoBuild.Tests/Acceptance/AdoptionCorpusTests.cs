using System.Text.Json;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Tests.Targets;

namespace GoMonorepoBuild.Tests.Acceptance;

/// <summary>
/// A build adopted into real monorepos as the scaffold leaves it (no --services): it finds their services where they
/// are, and Graph and Affected --base HEAD~1 answer for the last commit. benchmarks/adoption-corpus.sh runs the same
/// through the packed template and the scaffolded build.sh.
/// </summary>
public sealed class AdoptionCorpusTests : IDisposable
{
    sealed class AdoptedBuild : MonorepoBuild
    {
        protected override IReadOnlyDictionary<string, string?> CiVariables() => new Dictionary<string, string?>();
    }

    readonly string temp = Directory.CreateTempSubdirectory("gmb-adopt-corpus-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Theory]
    [InlineData("ent", "cmd/*", "ent,entc,entfix", "entc/gen/graph.go", "ent,entc")]
    [InlineData("microservices-demo", "src/*", "checkoutservice,frontend,productcatalogservice,shippingservice", "src/frontend/handlers.go", "frontend")]
    public async Task A_snapshot_without_services_set_finds_its_services_and_the_ones_the_last_commit_affects(
        string snapshot, string globs, string services, string edited, string affected)
    {
        var root = await Corpus.UnpackAsync(snapshot, temp);
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        File.WriteAllText(Path.Combine(root, ".nuke", "parameters.json"), "{ \"$schema\": \"./build.schema.json\" }\n");
        await CommitAsync(root, "add the build's parameters, no services");
        File.AppendAllText(Path.Combine(root, edited), "\n// an edit under review\n");
        await CommitAsync(root, "edit " + edited);

        var graph = await InProcessBuild.RunAsync(new AdoptedBuild(), root, ["Graph"]);
        Assert.True(graph.ExitCode == 0, graph.Output + graph.Error);
        Assert.Contains($"--services is not set: using '{globs}'", graph.Output);
        using (var model = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, ".nuke/temp/graph/workspace.json"))))
            Assert.Equal(services.Split(','), model.RootElement.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));

        var run = await InProcessBuild.RunAsync(new AdoptedBuild(), root, ["Affected", "--base", "HEAD~1", "--output", ".nuke/temp/affected.json"]);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, ".nuke/temp/affected.json")));
        Assert.Equal(affected.Split(','), result.RootElement.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
    }

    static async Task CommitAsync(string root, string message)
    {
        var git = Tool.Named("git").WithWorkingDirectory(root)
            .WithEnvironment("GIT_AUTHOR_NAME", "test").WithEnvironment("GIT_AUTHOR_EMAIL", "test@example.com")
            .WithEnvironment("GIT_COMMITTER_NAME", "test").WithEnvironment("GIT_COMMITTER_EMAIL", "test@example.com");
        await git.RunAsync(["add", "-A"], TestContext.Current.CancellationToken);
        await git.RunAsync(["-c", "commit.gpgsign=false", "commit", "-q", "-m", message], TestContext.Current.CancellationToken);
    }
}
