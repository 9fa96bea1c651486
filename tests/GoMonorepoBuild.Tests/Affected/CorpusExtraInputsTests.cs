using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Tests.Acceptance;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Tests.Support;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>
/// Acceptance on the real microservices-demo snapshot (../shared/corpus or $GMB_CORPUS, as every corpus class finds it): its frontend reads
/// templates/ and static/ from disk at run time. Skipped where the corpus is absent (a user's fresh clone).
/// </summary>
public sealed class CorpusExtraInputsTests : IDisposable
{
    static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Extras =
        new Dictionary<string, IReadOnlyList<string>> { ["frontend"] = ["templates/**", "static/**"] };

    readonly string scratch = Directory.CreateTempSubdirectory("gmb-corpus-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(scratch, recursive: true); } catch (IOException) { }
    }

    Task<string> UnpackAsync(string name) => Corpus.UnpackAsync(name, scratch);

    static Task<AffectedResult> AnalyseAsync(string root, string @base, string? head = null)
    {
        var options = WorkspaceOptions.Default.WithServiceGlobs(["src/*"]).WithServiceExtraInputs(Extras);
        var request = new AffectedRequest(root, ["src/*"]).WithBase(@base).WithHead(head).WithServiceExtraInputs(Extras);
        return new AffectedAnalysis().RunAsync(request, () => GoWorkspace.Load(root, options), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task In_microservices_demo_a_frontend_template_or_static_change_affects_frontend_as_an_extra_input_at_any_head()
    {
        var root = await UnpackAsync("microservices-demo");
        var model = GoWorkspace.Load(root, WorkspaceOptions.Default.WithServiceGlobs(["src/*"]).WithServiceExtraInputs(Extras), cancellationToken: TestContext.Current.CancellationToken);
        var frontend = model.Service("frontend")!;
        Assert.Contains("src/frontend/templates/home.html", frontend.ImageInputs);
        Assert.DoesNotContain(model.Warnings, w => w.Contains("extra input"));
        var @base = await GitCli.OutputAsync(root, "rev-parse", "HEAD");

        await File.AppendAllTextAsync(Path.Combine(root, "src/frontend/templates/home.html"), "<!-- edited -->\n", TestContext.Current.CancellationToken);
        var workTree = await AnalyseAsync(root, @base);
        Assert.Contains(workTree.Find("frontend")!.Reasons,
            r => r.Kind == ReasonKind.ExtraInputChanged && r.ChainText == "src/frontend/templates/home.html -> extra input of frontend (templates/**)");
        // Every other Go service builds from its own folder (its Dockerfile's context), so the template reaches none of them.
        Assert.Equal(["frontend"], workTree.Names());

        var css = Directory.EnumerateFiles(Path.Combine(root, "src/frontend/static"), "*.css", SearchOption.AllDirectories).First();
        File.Delete(css);
        await GitCli.RunAsync(root, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qam", "edit template, drop a stylesheet");
        var head = await GitCli.OutputAsync(root, "rev-parse", "HEAD");
        var committed = await AnalyseAsync(root, @base, head);
        Assert.Equal(["frontend"], committed.Names());
        var chains = committed.Find("frontend")!.Reasons.Where(r => r.Kind == ReasonKind.ExtraInputChanged).Select(r => r.ChainText).ToList();
        Assert.Contains("src/frontend/templates/home.html -> extra input of frontend (templates/**)", chains);
        Assert.Contains($"{Path.GetRelativePath(root, css)} -> extra input of frontend (static/**)", chains);
    }
}
