using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Tests.Changes;

namespace GoMonorepoBuild.Tests.Affected;

public class RepositoryLayoutTests : IDisposable
{
    readonly TestRepository repo = new();

    public void Dispose() => repo.Dispose();

    [Fact]
    public async Task A_monorepo_in_a_subfolder_reports_paths_relative_to_it_and_ignores_changes_outside()
    {
        SampleMonorepo.WriteTo(repo, prefix: "go").Write("docs/guide.md", "guide\n");
        var baseSha = repo.Commit("base");
        repo.Write("go/libs/util/util.go", "package util\n\nfunc Do() { }\n").Write("docs/guide.md", "guide v2\n");

        var result = await Analyse.RunAsync(repo, baseSha, prefix: "go");
        Assert.Equal(["payments"], result.Names());
        Assert.Equal(["libs/util/util.go"], result.ChangedFiles);
        Assert.Equal("services/payments", result.Find("payments")!.Path);
        Assert.Equal(1, result.OutsideFiles);
        Assert.Empty(result.IgnoredFiles);
    }

    [Fact]
    public async Task A_file_outside_the_monorepo_matching_a_global_pattern_affects_every_service()
    {
        SampleMonorepo.WriteTo(repo, prefix: "go").Write("build/Build.cs", "class Build {}\n");
        var baseSha = repo.Commit("base");
        repo.Write("build/Build.cs", "class Build { }\n");

        var globals = GlobalPatterns.Default.WithRepository(["build/**"], "go");
        var result = await Analyse.RunAsync(repo, baseSha, prefix: "go",
            configure: r => r.WithOptions(AffectedOptions.Default.WithGlobals(globals)));
        Assert.Equal(["orders", "payments", "web"], result.Names());
        Assert.All(result.Services, s => Assert.Equal(ReasonKind.GlobalFile, s.FirstReason.Kind));
        Assert.Equal("build/Build.cs -> global pattern 'build/**' -> service web", result.ReasonOf("web").ChainText);
    }

    [Fact]
    public async Task In_a_go_work_repository_the_go_work_is_global_and_libraries_are_wired_through_it()
    {
        SampleMonorepo.WriteTo(repo, goWork: true);
        var baseSha = repo.Commit("base");

        repo.Write("libs/auth/token.go", "package auth\n\nfunc Token() string { return \"w\" }\n");
        var library = await Analyse.RunAsync(repo, baseSha);
        Assert.Equal(["orders"], library.Names());

        repo.Write("go.work", "go 1.23\n\nuse (\n\t./libs/auth\n\t./libs/util\n\t./services/orders\n\t./services/payments\n\t./services/web\n)\n\n// touched\n");
        var global = await Analyse.RunAsync(repo, baseSha);
        Assert.Equal(["orders", "payments", "web"], global.Names());
        Assert.Equal(ReasonKind.GlobalFile, global.ReasonOf("web").Kind);
    }

    [Fact]
    public async Task A_user_owned_Dockerfile_of_a_service_is_an_input_of_that_service()
    {
        SampleMonorepo.WriteTo(repo).Write("services/web/Dockerfile", "FROM scratch\n");
        var baseSha = repo.Commit("base");
        repo.Write("services/web/Dockerfile", "FROM scratch\nLABEL a=b\n");
        var result = await Analyse.RunAsync(repo, baseSha);
        Assert.Equal(["web"], result.Names());
        Assert.Equal(ReasonKind.FileChanged, result.ReasonOf("web").Kind);
    }

    [Fact]
    public async Task What_a_user_owned_Dockerfile_copies_from_the_monorepo_is_an_input_of_its_service()
    {
        SampleMonorepo.WriteTo(repo)
            .Write("services/web/Dockerfile", "FROM scratch\nCOPY --chown=1:1 shared/config.yaml \\\n  /etc/config.yaml\nCOPY --from=build /out /app\n")
            .Write("shared/config.yaml", "a: 1\n")
            .Write("shared/other.yaml", "b: 1\n");
        var baseSha = repo.Commit("base");
        repo.Write("shared/config.yaml", "a: 2\n").Write("shared/other.yaml", "b: 2\n");
        var result = await Analyse.RunAsync(repo, baseSha);
        Assert.Equal(["web"], result.Names());
        Assert.Equal("shared/config.yaml -> copied by services/web/Dockerfile (COPY shared/config.yaml) -> build context the monorepo root " +
                     "(inferred: COPY shared/config.yaml does not resolve in the service folder) -> service web", result.ReasonOf("web").ChainText);
        Assert.Contains("outside every Go module", result.IgnoredReason("shared/other.yaml"));
    }

    [Fact]
    public void Dockerfile_copies_read_the_JSON_form_and_skip_copies_from_other_stages()
    {
        var copies = DockerfileCopies.Parse("FROM x AS build\nCOPY [\"a dir/\", \"b.txt\", \"/dst/\"]\nADD --from=build /x /y\ncopy . /src\n");
        Assert.Equal(["a dir/", "b.txt", "."], copies.Sources);
        Assert.Equal("a dir/", copies.SourceOf("a dir/x/y.go"));
        Assert.Equal(".", copies.SourceOf("anything/else.md"));
    }

    [Fact]
    public async Task A_file_deleted_from_a_library_two_modules_down_affects_the_service_through_the_base_model()
    {
        SampleMonorepo.WriteTo(repo)
            .Write("libs/deep/go.mod", "module example.com/libs/deep\n\ngo 1.23\n")
            .Write("libs/deep/deep.go", "package deep\n\nfunc Deep() {}\n")
            .Write("libs/deep/extra.go", "package deep\n\nfunc Extra() {}\n")
            .Write("libs/auth/go.mod", "module example.com/libs/auth\n\ngo 1.23\n\nrequire example.com/libs/deep v0.0.0\nreplace example.com/libs/deep => ../deep\n")
            .Write("libs/auth/auth.go", "package auth\n\nimport \"example.com/libs/deep\"\n\nfunc Check() bool { deep.Deep(); return true }\n")
            .Write("services/orders/go.mod", "module example.com/services/orders\n\ngo 1.23\n\nrequire (\n\texample.com/libs/auth v0.0.0\n\texample.com/libs/deep v0.0.0\n)\n\n" +
                                             "replace example.com/libs/auth => ../../libs/auth\nreplace example.com/libs/deep => ../../libs/deep\n");
        var baseSha = repo.Commit("base");
        repo.Delete("libs/deep/extra.go");

        var result = await Analyse.RunAsync(repo, baseSha);
        Assert.Equal(["orders"], result.Names());
        Assert.Equal("libs/deep/extra.go (at the base revision) -> package example.com/libs/deep -> imported by example.com/libs/auth -> " +
                     "imported by example.com/services/orders/internal/api -> imported by example.com/services/orders/cmd/orders (main) -> service orders",
            result.ReasonOf("orders").ChainText);
    }
}
