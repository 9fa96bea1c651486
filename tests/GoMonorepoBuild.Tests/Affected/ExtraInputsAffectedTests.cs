using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Tests.Support;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>Files a service reads at run time (extra inputs) in the affected analysis, on a real git repository.</summary>
public sealed class ExtraInputsAffectedTests : IDisposable
{
    readonly TestRepository repo = new();
    readonly string baseSha;

    public ExtraInputsAffectedTests()
    {
        TemplatesMonorepo.WriteTo(repo.Root);
        baseSha = repo.Commit("templates");
    }

    public void Dispose() => repo.Dispose();

    Task<AffectedResult> AnalyseAsync(string? head = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? extras = null)
    {
        var options = WorkspaceOptions.Default.WithServiceGlobs(["services/*"]).WithServiceExtraInputs(extras ?? TemplatesMonorepo.ExtraInputs);
        var request = new AffectedRequest(repo.Root, ["services/*"]).WithBase(baseSha).WithHead(head)
            .WithServiceExtraInputs(options.ServiceExtraInputs);
        return new AffectedAnalysis().RunAsync(request, () => GoWorkspace.Load(repo.Root, options), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_changed_template_affects_only_the_service_that_reads_it_with_the_glob_as_the_reason()
    {
        repo.Write("services/frontend/templates/home.html", "<h1>Welcome back</h1>\n");

        var result = await AnalyseAsync();

        Assert.Equal(["frontend"], result.Names());
        var reason = Assert.Single(result.Find("frontend")!.Reasons);
        Assert.Equal(ReasonKind.ExtraInputChanged, reason.Kind);
        Assert.Equal("services/frontend/templates/home.html -> extra input of frontend (templates/**)", reason.ChainText);
        Assert.Contains("matches the extra input 'templates/**' of frontend", reason.Detail);
    }

    [Fact]
    public async Task Without_the_setting_the_same_template_change_affects_nothing()
    {
        repo.Write("services/frontend/templates/home.html", "<h1>Welcome back</h1>\n");

        var result = await AnalyseAsync(extras: new Dictionary<string, IReadOnlyList<string>>());

        Assert.Empty(result.Services);
        Assert.Contains(result.IgnoredFiles, i => i.Path == "services/frontend/templates/home.html");
    }

    [Fact]
    public async Task A_deleted_added_or_monorepo_relative_extra_input_affects_the_service_and_an_unmatched_file_is_ignored()
    {
        repo.Delete("services/frontend/templates/parts/footer.html")
            .Write("services/frontend/templates/about.html", "<p>about</p>\n")
            .Write("shared/motd.txt", "motd: changed\n")
            .Write("services/frontend/static/notes.txt", "still not shipped\n");

        var result = await AnalyseAsync();

        Assert.Equal(["frontend"], result.Names());
        var chains = result.Find("frontend")!.Reasons.Select(r => r.ChainText).ToList();
        Assert.Contains("services/frontend/templates/parts/footer.html -> extra input of frontend (templates/**)", chains);
        Assert.Contains("services/frontend/templates/about.html -> extra input of frontend (templates/**)", chains);
        Assert.Contains("shared/motd.txt -> extra input of frontend (/shared/motd.txt)", chains);
        Assert.Equal(3, chains.Count);
        Assert.Contains(result.IgnoredFiles, i => i.Path == "services/frontend/static/notes.txt");
    }

    [Fact]
    public async Task A_template_changed_in_a_commit_affects_the_service_when_the_head_is_that_commit()
    {
        repo.Write("services/frontend/templates/home.html", "<h1>Committed</h1>\n");
        var head = repo.Commit("new home page");
        repo.Write("services/frontend/templates/home.html", "<h1>uncommitted, not part of --head</h1>\n");

        var result = await AnalyseAsync(head);

        Assert.Equal(["frontend"], result.Names());
        Assert.Equal("services/frontend/templates/home.html -> extra input of frontend (templates/**)", result.ReasonOf("frontend").ChainText);
    }

    [Fact]
    public async Task A_go_file_change_is_still_explained_as_go_source_when_a_broad_glob_also_matches_it()
    {
        repo.Write("services/frontend/main.go", File.ReadAllText(repo.Full("services/frontend/main.go")) + "// touched\n");

        var result = await AnalyseAsync(extras: new Dictionary<string, IReadOnlyList<string>> { ["frontend"] = ["**"] });

        Assert.Equal(["frontend"], result.Names());
        Assert.Contains(result.Find("frontend")!.Reasons, r => r.Kind == ReasonKind.FileChanged && r.ChainText.Contains("package example.com/frontend"));
    }
}
