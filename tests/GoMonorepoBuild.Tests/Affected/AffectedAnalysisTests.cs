using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Tests.Changes;

namespace GoMonorepoBuild.Tests.Affected;

public class AffectedAnalysisTests : IDisposable
{
    readonly TestRepository repo = SampleMonorepo.WriteTo(new TestRepository());
    readonly string baseSha;

    public AffectedAnalysisTests() => baseSha = repo.Commit("base");

    public void Dispose() => repo.Dispose();

    [Fact]
    public async Task A_changed_library_file_affects_the_service_importing_it_with_the_chain_as_reason()
    {
        repo.Write("libs/auth/token.go", "package auth\n\nfunc Token() string { return \"u\" }\n");
        var result = await Analyse.RunAsync(repo, baseSha);

        Assert.Equal(["orders"], result.Names());
        var reason = result.ReasonOf("orders");
        Assert.Equal(ReasonKind.DependencyChanged, reason.Kind);
        Assert.Equal(
            "libs/auth/token.go -> package example.com/libs/auth -> imported by example.com/services/orders/internal/api -> " +
            "imported by example.com/services/orders/cmd/orders (main) -> service orders", reason.ChainText);
        Assert.Equal(baseSha, result.Base);
        Assert.Equal(ChangeSet.WorkTree, result.Head);
        Assert.Equal(["libs/auth/token.go"], result.ChangedFiles);
        Assert.Null(result.Fallback);
    }

    [Fact]
    public async Task A_service_file_affects_only_that_service()
    {
        repo.Write("services/payments/main.go", "package main\n\nimport \"example.com/libs/util\"\n\nfunc main() { util.Do(); util.Do() }\n");
        var result = await Analyse.RunAsync(repo, baseSha);
        Assert.Equal(["payments"], result.Names());
        Assert.Equal(ReasonKind.FileChanged, result.ReasonOf("payments").Kind);
    }

    [Fact]
    public async Task Tests_testdata_docs_and_unimported_packages_affect_nothing_and_are_listed_as_ignored_with_reasons()
    {
        repo.Write("libs/auth/auth_test.go", "package auth\n\nimport \"testing\"\n\nfunc TestOther(t *testing.T) {}\n")
            .Write("libs/auth/testdata/token.json", "{\"a\":1}\n")
            .Write("libs/auth/README.md", "auth docs\n")
            .Write("README.md", "# changed\n")
            .Write("libs/util/strs/strs.go", "package strs\n\nfunc Up() { }\n")
            .Write("services/web/README.md", "web docs\n");
        var result = await Analyse.RunAsync(repo, baseSha);

        Assert.Empty(result.Services);
        Assert.Equal(6, result.IgnoredFiles.Count);
        Assert.Contains("test file", result.IgnoredReason("libs/auth/auth_test.go"));
        Assert.Contains("testdata", result.IgnoredReason("libs/auth/testdata/token.json"));
        Assert.Contains("not embedded by package example.com/libs/auth", result.IgnoredReason("libs/auth/README.md"));
        Assert.Contains("not imported by any service", result.IgnoredReason("libs/util/strs/strs.go"));
        Assert.Contains("outside every Go module", result.IgnoredReason("README.md"));
        Assert.Contains("not embedded by package example.com/services/web", result.IgnoredReason("services/web/README.md"));
        Assert.Null(result.Fallback);
    }

    [Fact]
    public async Task An_embedded_file_affects_the_service_that_embeds_it()
    {
        repo.Write("services/web/static/index.html", "<h1>changed</h1>\n");
        var result = await Analyse.RunAsync(repo, baseSha);
        Assert.Equal(["web"], result.Names());
        Assert.Contains("embedded by package example.com/services/web", result.ReasonOf("web").ChainText);
    }

    [Fact]
    public async Task A_go_mod_change_affects_every_service_whose_module_closure_includes_that_module()
    {
        repo.Write("libs/auth/go.mod", "module example.com/libs/auth\n\ngo 1.23\n\nrequire golang.org/x/text v0.14.0\n");
        var result = await Analyse.RunAsync(repo, baseSha);
        Assert.Equal(["orders"], result.Names());
        var reason = result.ReasonOf("orders");
        Assert.Equal(ReasonKind.ModuleFileChanged, reason.Kind);
        Assert.Equal("libs/auth/go.mod -> module example.com/libs/auth -> required by services/orders (module example.com/services/orders) -> service orders",
            reason.ChainText);
    }

    [Fact]
    public async Task Staged_unstaged_and_untracked_files_count_but_ignored_ones_do_not()
    {
        repo.Write(".gitignore", "*.generated.go\n");
        var withIgnore = repo.Commit("ignore");
        repo.Write("services/orders/internal/api/api.go", "package api\n\nimport \"example.com/libs/auth\"\n\nfunc Serve() { _ = auth.Check() }\n");
        repo.Stage("services/orders/internal/api/api.go");
        repo.Write("services/payments/main.go", "package main\n\nimport \"example.com/libs/util\"\n\nfunc main() { util.Do(); }\n");
        repo.Write("services/web/extra.go", "package main\n\nfunc extra() {}\n");
        repo.Write("libs/util/zz.generated.go", "package util\n");
        var result = await Analyse.RunAsync(repo, withIgnore);

        Assert.Equal(["orders", "payments", "web"], result.Names());
        Assert.DoesNotContain("libs/util/zz.generated.go", result.ChangedFiles);
        Assert.Equal(ChangeSet.WorkTree, result.Head);
    }

    [Fact]
    public async Task Head_compares_two_commits_only_and_ignores_the_working_tree()
    {
        repo.Write("libs/util/util.go", "package util\n\nfunc Do() { }\n");
        var head = repo.Commit("util");
        repo.Write("services/web/main.go", "package main\n\nfunc main() {}\n");
        var result = await Analyse.RunAsync(repo, baseSha, configure: r => r.WithHead(head));
        Assert.Equal(["payments"], result.Names());
        Assert.Equal(head, result.Head);
        Assert.Equal(["libs/util/util.go"], result.ChangedFiles);
    }

    [Fact]
    public async Task A_clean_working_tree_reports_the_head_commit_and_an_empty_result_is_a_success()
    {
        var result = await Analyse.RunAsync(repo, baseSha);
        Assert.Empty(result.Services);
        Assert.Empty(result.ChangedFiles);
        Assert.Equal(baseSha, result.Head);
        Assert.Null(result.Fallback);
    }

    [Fact]
    public async Task A_deleted_package_affects_its_importers_at_the_base_revision()
    {
        repo.Delete("libs/auth/auth.go").Delete("libs/auth/token.go").Delete("libs/auth/auth_test.go")
            .Write("services/orders/internal/api/api.go", "package api\n\nfunc Serve() {}\n")
            .Write("services/orders/go.mod", "module example.com/services/orders\n\ngo 1.23\n");
        repo.Commit("drop auth");
        var result = await Analyse.RunAsync(repo, baseSha);
        var orders = result.Find("orders")!;
        Assert.Contains(orders.Reasons, r => r.Kind == ReasonKind.DeletedPackage && r.Detail.Contains("example.com/libs/auth")
                                             && r.ChainText.StartsWith("libs/auth/auth.go (at the base revision) -> package example.com/libs/auth"));
        Assert.Equal(["orders"], result.Names());
    }

    [Fact]
    public async Task A_package_moved_with_git_mv_reports_both_sides_and_affects_its_old_importers()
    {
        repo.Move("libs/util/strs", "libs/util/text");
        repo.Write("libs/util/util.go", "package util\n\nimport \"example.com/libs/util/text\"\n\nfunc Do() { text.Up() }\n");
        repo.Commit("move");
        repo.Move("libs/auth/token.go", "libs/auth/tokens.go");
        repo.Commit("rename token");
        var result = await Analyse.RunAsync(repo, baseSha);
        Assert.Contains("libs/util/strs/strs.go", result.ChangedFiles);
        Assert.Contains("libs/util/text/strs.go", result.ChangedFiles);
        Assert.Contains("libs/auth/token.go", result.ChangedFiles);
        Assert.Contains("libs/auth/tokens.go", result.ChangedFiles);
        Assert.Equal(["orders", "payments"], result.Names());
    }

    [Fact]
    public async Task A_file_newly_excluded_by_a_build_tag_still_affects_the_service_that_built_it()
    {
        repo.Write("libs/auth/token.go", "//go:build ignore\n\npackage auth\n\nfunc Token() string { return \"t\" }\n");
        var result = await Analyse.RunAsync(repo, baseSha);
        Assert.Equal(["orders"], result.Names());
        Assert.Contains("at the base revision", result.ReasonOf("orders").Detail);
    }

    [Fact]
    public async Task A_new_service_is_affected_and_a_removed_one_is_reported_as_removed()
    {
        repo.Write("services/billing/go.mod", "module example.com/services/billing\n\ngo 1.23\n")
            .Write("services/billing/main.go", "package main\n\nfunc main() {}\n")
            .Delete("services/web");
        var result = await Analyse.RunAsync(repo, baseSha);
        Assert.Equal(["billing"], result.Names());
        Assert.Equal(ReasonKind.NewService, result.ReasonOf("billing").Kind);
        Assert.Equal(["web"], result.RemovedServices);
    }

    [Fact]
    public async Task Module_granularity_marks_every_service_whose_module_closure_contains_a_changed_file()
    {
        repo.Write("libs/auth/README.md", "docs\n").Write("libs/util/strs/strs.go", "package strs\n\nfunc Up() { }\n");
        var byModule = await Analyse.RunAsync(repo, baseSha, configure: r => r.WithOptions(AffectedOptions.Default.WithGranularity(Granularity.Module)));
        var byPackage = await Analyse.RunAsync(repo, baseSha);
        Assert.Equal(["orders", "payments"], byModule.Names());
        Assert.Empty(byPackage.Services);
    }

    [Fact]
    public async Task Assembly_and_cgo_sources_count_through_the_package_of_their_folder()
    {
        repo.Write("libs/util/fast_amd64.s", "TEXT ·fast(SB),4,$0\n").Write("libs/util/cgo.h", "int x;\n");
        var withAsm = repo.Commit("asm");
        repo.Write("libs/util/fast_amd64.s", "TEXT ·fast(SB),4,$0\nRET\n").Delete("libs/util/cgo.h");
        var result = await Analyse.RunAsync(repo, withAsm);
        var payments = result.Find("payments")!;
        Assert.Equal(["payments"], result.Names());
        Assert.Equal("libs/util/fast_amd64.s -> compiled with package example.com/libs/util -> imported by example.com/services/payments (main) -> service payments",
            payments.Reasons.Single(r => r.Chain[0] == "libs/util/fast_amd64.s").ChainText);
        Assert.Contains(payments.Reasons, r => r.Chain[0] == "libs/util/cgo.h");
    }

    [Fact]
    public async Task The_first_push_of_a_branch_without_a_default_branch_selects_every_service_as_a_typed_fallback()
    {
        repo.Branch("trunk");
        using (var git = repo.Open()) git.Branches.Remove("master");
        var result = await Analyse.RunAsync(repo, null, configure: r => r.WithEnvironment(new Dictionary<string, string?>
        {
            ["CI_COMMIT_BEFORE_SHA"] = new string('0', 40),
        }));
        Assert.Equal(["orders", "payments", "web"], result.Names());
        Assert.All(result.Services, s => Assert.Equal(ReasonKind.Fallback, s.FirstReason.Kind));
        Assert.Contains("no base to compare with", result.Fallback);
        Assert.Null(result.Base);
        Assert.Equal("NoBase", result.BaseSource);
    }

    [Fact]
    public async Task A_merge_commit_on_a_feature_branch_counts_only_the_branch_changes_since_the_merge_base_with_main()
    {
        repo.Branch("main");
        repo.Branch("feature");
        repo.Write("libs/util/util.go", "package util\n\nfunc Do() { }\n");
        repo.Commit("feature work");
        repo.Checkout("main");
        repo.Write("services/web/main.go", "package main\n\nfunc main() {}\n");
        var mainTip = repo.Commit("main work");
        repo.Checkout("feature");
        repo.Merge("main");

        var result = await Analyse.RunAsync(repo, null, fetcher: new NoFetch());
        Assert.Equal(["payments"], result.Names());
        Assert.Equal(mainTip, result.Base);
        Assert.StartsWith("MergeBase: merge-base of HEAD and main", result.BaseSource);
    }
}

/// <summary>A fetcher for repositories without a remote: fetching is never expected.</summary>
internal sealed class NoFetch : IHistoryFetcher
{
    public Task DeepenAsync(string workingDirectory, int commits, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("no deepening expected");

    public Task FetchBranchAsync(string workingDirectory, string remote, string branch, int depth, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("no fetch expected");
}
