using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Acceptance;

/// <summary>
/// microservices-demo as it is: four Go services under src/, each with its own Dockerfile written for its folder as
/// the build context (<c>COPY go.mod go.sum ./</c>, <c>COPY . .</c>) and a .dockerignore. Affected must read them so.
/// </summary>
public sealed class MicroservicesDemoTests : IAsyncLifetime
{
    static readonly string[] Services = ["src/*"];
    readonly string temp = Directory.CreateTempSubdirectory("gmb-corpus-").FullName;
    string root = "";

    public async ValueTask InitializeAsync() => root = await Corpus.UnpackAsync("microservices-demo", temp);

    public ValueTask DisposeAsync()
    {
        Directory.Delete(temp, recursive: true);
        return ValueTask.CompletedTask;
    }

    Task<AffectedResult> AffectedAsync(string @base = "HEAD", string? head = null) =>
        new AffectedAnalysis().RunAsync(new AffectedRequest(root, Services).WithBase(@base).WithHead(head),
            () => GoWorkspace.Load(root, Services), TestContext.Current.CancellationToken);

    async Task CommitAllForcedAsync(string message)
    {
        var git = Tool.Named("git").WithWorkingDirectory(root)
            .WithEnvironment("GIT_AUTHOR_NAME", "test").WithEnvironment("GIT_AUTHOR_EMAIL", "test@example.com")
            .WithEnvironment("GIT_COMMITTER_NAME", "test").WithEnvironment("GIT_COMMITTER_EMAIL", "test@example.com");
        await git.RunAsync(["add", "-A", "-f"], TestContext.Current.CancellationToken);
        await git.RunAsync(["-c", "commit.gpgsign=false", "commit", "-q", "-m", message], TestContext.Current.CancellationToken);
    }

    void Append(string path, string text) => File.AppendAllText(Path.Combine(root, path), text);

    [Fact]
    public async Task A_change_under_github_affects_no_Go_service()
    {
        Append(".github/CODEOWNERS", "\n# reviewed\n");
        var result = await AffectedAsync();
        Assert.Empty(result.Services);
    }

    [Fact]
    public async Task A_Go_change_in_productcatalogservice_affects_only_it()
    {
        Append("src/productcatalogservice/server.go", "\n// touched\n");
        var result = await AffectedAsync();
        Assert.Equal(["productcatalogservice"], result.Services.Select(s => s.Name));
    }

    [Fact]
    public async Task A_template_change_affects_only_frontend_whose_Dockerfile_copies_templates_from_its_folder()
    {
        Append("src/frontend/templates/home.html", "\n<!-- touched -->\n");
        var result = await AffectedAsync();
        Assert.Equal(["frontend"], result.Services.Select(s => s.Name));
        Assert.Contains("build context src/frontend, the service folder (inferred: COPY go.mod resolves beside the Dockerfile)",
            result.Services[0].FirstReason.ChainText);
    }

    [Fact]
    public async Task A_file_the_services_dockerignore_leaves_out_affects_nothing_and_says_which_line()
    {
        // The repository's .gitignore ignores vendor/ too: committed by force, read with the commit as head.
        Directory.CreateDirectory(Path.Combine(root, "src/shippingservice/vendor"));
        Append("src/shippingservice/vendor/notes.txt", "vendored elsewhere\n");
        await CommitAllForcedAsync("a file the .dockerignore leaves out");
        var result = await AffectedAsync("HEAD~1", "HEAD");
        Assert.Empty(result.Services);
        Assert.StartsWith("excluded by src/shippingservice/.dockerignore line 1 (vendor/)",
            result.IgnoredFiles.Single(i => i.Path == "src/shippingservice/vendor/notes.txt").Reason);
    }
}
