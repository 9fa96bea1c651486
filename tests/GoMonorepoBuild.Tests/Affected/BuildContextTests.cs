using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Tests.Changes;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>
/// A service's own Dockerfile is built with a context (its folder, the monorepo root, or a configured folder), and only
/// what its COPY/ADD take from that context past .dockerignore is an input: the microservices-demo layout in miniature.
/// </summary>
public class BuildContextTests : IDisposable
{
    readonly TestRepository repo = new();

    public void Dispose() => repo.Dispose();

    const string ServiceFolderDockerfile =
        "FROM golang:1.23 AS build\nWORKDIR /src\nCOPY go.mod ./\nCOPY . .\nRUN go build -o /web .\n\nFROM scratch\nCOPY --from=build /web /web\nCOPY ./static ./static\n";

    TestRepository WithServiceFolderDockerfile() =>
        SampleMonorepo.WriteTo(repo)
            .Write("services/web/Dockerfile", ServiceFolderDockerfile)
            .Write("services/web/templates/home.html", "<p>home</p>\n")
            .Write(".github/workflows/ci.yaml", "on: push\n");

    [Fact]
    public async Task A_Dockerfile_copying_its_own_go_mod_is_built_from_its_folder_so_a_change_elsewhere_in_the_monorepo_does_not_affect_it()
    {
        var baseSha = WithServiceFolderDockerfile().Commit("base");
        repo.Write(".github/workflows/ci.yaml", "on: pull_request\n").Write("README.md", "# changed\n");

        var result = await Analyse.RunAsync(repo, baseSha);

        Assert.Empty(result.Names());
        Assert.Equal([".github/workflows/ci.yaml", "README.md"], result.IgnoredFiles.Select(i => i.Path));
    }

    [Fact]
    public async Task A_file_in_the_service_folder_that_COPY_dot_takes_affects_only_that_service_and_the_reason_names_the_context_and_why()
    {
        var baseSha = WithServiceFolderDockerfile().Commit("base");
        repo.Write("services/web/templates/home.html", "<p>welcome</p>\n").Write("services/payments/README.md", "payments\n");

        var result = await Analyse.RunAsync(repo, baseSha);

        Assert.Equal(["web"], result.Names());
        Assert.Equal("services/web/templates/home.html -> copied by services/web/Dockerfile (COPY .) -> build context services/web, the service folder " +
                     "(inferred: COPY go.mod resolves beside the Dockerfile) -> service web", result.ReasonOf("web").ChainText);
    }

    [Fact]
    public async Task A_Dockerfile_copying_paths_of_the_monorepo_root_is_built_from_the_root()
    {
        SampleMonorepo.WriteTo(repo)
            .Write("services/web/Dockerfile", "FROM scratch\nCOPY services/web/ /src/\nCOPY config/web.yaml /etc/web.yaml\n")
            .Write("config/web.yaml", "a: 1\n");
        var baseSha = repo.Commit("base");
        repo.Write("config/web.yaml", "a: 2\n");

        var result = await Analyse.RunAsync(repo, baseSha);

        Assert.Equal(["web"], result.Names());
        Assert.Contains("build context the monorepo root (inferred: COPY services/web/ does not resolve in the service folder)", result.ReasonOf("web").ChainText);
    }

    // golang-samples' run/*/Dockerfile, built from its folder by `gcloud run deploy --source .`: only wildcard sources.
    const string WildcardDockerfile =
        "FROM golang:1.25 AS builder\nWORKDIR /app\nCOPY go.* ./\nRUN go mod download\nCOPY . ./\nRUN go build -o server\n";

    [Fact]
    public async Task A_Dockerfile_copying_go_star_finds_its_go_mod_beside_it_and_is_built_from_its_folder()
    {
        var baseSha = SampleMonorepo.WriteTo(repo).Write("services/web/Dockerfile", WildcardDockerfile)
            .Write("go.work", "go 1.23\n\nuse ./services/web\n").Commit("base");
        repo.Write("go.work", "go 1.23\n\nuse (\n\t./services/web\n\t./libs/util\n)\n").Write("libs/util/util.go", "package util\n\nfunc Do() { _ = 1 }\n");

        var result = await Analyse.RunAsync(repo, baseSha);

        Assert.DoesNotContain("web", result.Names());
        repo.Write("services/web/templates/home.html", "<p>home</p>\n");
        var edited = await Analyse.RunAsync(repo, baseSha);
        Assert.Contains("build context services/web, the service folder (inferred: COPY go.* resolves beside the Dockerfile)",
            edited.ReasonOf("web").ChainText);
    }

    [Fact]
    public async Task A_wildcard_source_that_matches_nothing_beside_the_Dockerfile_but_something_at_the_root_means_the_root()
    {
        var baseSha = SampleMonorepo.WriteTo(repo)
            .Write("services/web/Dockerfile", "FROM scratch\nCOPY . /src/\nCOPY config/*.yaml /etc/\n")
            .Write("services/web/config/README.md", "no yaml here\n")
            .Write("config/web.yaml", "a: 1\n").Commit("base");
        repo.Write("config/web.yaml", "a: 2\n");

        var result = await Analyse.RunAsync(repo, baseSha);

        Assert.Equal(["web"], result.Names());
        Assert.Contains("build context the monorepo root (inferred: COPY config/*.yaml does not resolve in the service folder)", result.ReasonOf("web").ChainText);
    }

    [Fact]
    public async Task With_a_commit_as_head_a_wildcard_source_is_resolved_in_that_commit()
    {
        var baseSha = SampleMonorepo.WriteTo(repo).Write("services/web/Dockerfile", WildcardDockerfile).Commit("base");
        repo.Write("services/web/templates/home.html", "<p>home</p>\n");
        var head = repo.Commit("head");

        var result = await Analyse.RunAsync(repo, baseSha, configure: r => r.WithHead(head));

        Assert.Contains("build context services/web, the service folder (inferred: COPY go.* resolves beside the Dockerfile)",
            result.ReasonOf("web").ChainText);
    }

    [Fact]
    public async Task In_a_go_work_a_service_built_from_its_own_folder_is_not_affected_by_the_other_modules_go_mod()
    {
        var baseSha = SampleMonorepo.WriteTo(repo, goWork: true).Write("services/web/Dockerfile", WildcardDockerfile).Commit("base");
        repo.Write("libs/auth/go.mod", "module example.com/libs/auth\n\ngo 1.23\n\nrequire example.com/extra v1.2.0\n")
            .Write("go.work", "go 1.23\n\nuse (\n\t./libs/auth\n\t./libs/util\n\t./services/orders\n\t./services/payments\n\t./services/web\n)\n\n// edited\n");

        var result = await Analyse.RunAsync(repo, baseSha);

        Assert.Contains("orders", result.Names()); // a generated build runs the go command in the workspace
        Assert.DoesNotContain("web", result.Names());
    }

    [Fact]
    public async Task A_lib_outside_the_build_context_of_an_own_Dockerfile_is_no_input_and_the_ignored_reason_says_why()
    {
        var baseSha = SampleMonorepo.WriteTo(repo).Write("services/payments/Dockerfile", WildcardDockerfile).Commit("base");
        repo.Write("libs/util/util.go", "package util\n\nfunc Do() { _ = 2 }\n");

        var result = await Analyse.RunAsync(repo, baseSha);

        Assert.DoesNotContain("payments", result.Names());
        Assert.Contains("outside the build context of the own Dockerfile of payments", result.IgnoredReason("libs/util/util.go"));

        repo.Write("services/payments/main.go", "package main\n\nimport \"example.com/libs/util\"\n\nfunc main() { util.Do(); util.Do() }\n");
        var own = await Analyse.RunAsync(repo, baseSha);
        Assert.Contains("payments", own.Names());
    }

    [Fact]
    public async Task A_configured_root_context_keeps_the_lib_an_input()
    {
        var baseSha = SampleMonorepo.WriteTo(repo).Write("services/payments/Dockerfile", WildcardDockerfile).Commit("base");
        repo.Write("libs/util/util.go", "package util\n\nfunc Do() { _ = 2 }\n");

        var result = await Analyse.RunAsync(repo, baseSha, configure: r => r.WithBuildContexts(
            new BuildContextSettings(null, new Dictionary<string, BuildContextSetting> { ["payments"] = BuildContextSetting.Parse("root") })));

        Assert.Equal(["payments"], result.Names());
        Assert.StartsWith("libs/util/util.go -> package example.com/libs/util", result.ReasonOf("payments").ChainText);
    }

    [Fact]
    public async Task A_configured_context_wins_over_the_inferred_one()
    {
        var baseSha = WithServiceFolderDockerfile().Commit("base");
        repo.Write("README.md", "# changed\n");

        var inferred = await Analyse.RunAsync(repo, baseSha);
        var configured = await Analyse.RunAsync(repo, baseSha, configure: r => r.WithBuildContexts(
            new BuildContextSettings(null, new Dictionary<string, BuildContextSetting> { ["web"] = BuildContextSetting.Parse("root") })));

        Assert.Empty(inferred.Names());
        Assert.Equal(["web"], configured.Names());
        Assert.Contains("build context the monorepo root (configured in gomonorepobuild.json: \"context\": \"root\")", configured.ReasonOf("web").ChainText);
    }

    [Fact]
    public async Task The_dockerignore_of_the_context_keeps_files_out_and_a_negation_brings_one_back()
    {
        WithServiceFolderDockerfile()
            .Write("services/web/.dockerignore", "# docs are not built\n*.md\n!KEEP.md\ndocs/\n")
            .Write("services/web/KEEP.md", "keep\n")
            .Write("services/web/docs/guide.txt", "guide\n");
        var baseSha = repo.Commit("base");
        repo.Write("services/web/README.md", "web v2\n").Write("services/web/docs/guide.txt", "guide v2\n");

        var excluded = await Analyse.RunAsync(repo, baseSha);

        Assert.Empty(excluded.Names());
        Assert.StartsWith("excluded by services/web/.dockerignore line 2 (*.md)", excluded.IgnoredReason("services/web/README.md"));
        Assert.StartsWith("excluded by services/web/.dockerignore line 4 (docs/)", excluded.IgnoredReason("services/web/docs/guide.txt"));

        repo.Write("services/web/KEEP.md", "keep v2\n");
        var kept = await Analyse.RunAsync(repo, baseSha);
        Assert.Equal(["web"], kept.Names());
        Assert.Contains("sent again by services/web/.dockerignore line 3 (!KEEP.md)", kept.ReasonOf("web").ChainText);
    }

    [Fact]
    public async Task Editing_the_dockerignore_affects_the_service_even_when_it_ignores_itself()
    {
        WithServiceFolderDockerfile().Write("services/web/.dockerignore", ".dockerignore\n*.md\n");
        var baseSha = repo.Commit("base");
        repo.Write("services/web/.dockerignore", ".dockerignore\n");

        var result = await Analyse.RunAsync(repo, baseSha);

        Assert.Equal(["web"], result.Names());
        Assert.StartsWith("services/web/.dockerignore -> the .dockerignore of services/web/Dockerfile's build context services/web", result.ReasonOf("web").ChainText);
    }

    [Fact]
    public async Task A_Dockerfile_specific_ignore_file_replaces_the_contexts_dockerignore()
    {
        WithServiceFolderDockerfile()
            .Write("services/web/.dockerignore", "templates/\n")
            .Write("services/web/Dockerfile.dockerignore", "*.md\n");
        var baseSha = repo.Commit("base");
        repo.Write("services/web/templates/home.html", "<p>v2</p>\n").Write("services/web/README.md", "v2\n");

        var result = await Analyse.RunAsync(repo, baseSha);

        Assert.Equal(["web"], result.Names());
        Assert.Equal("services/web/templates/home.html", result.ReasonOf("web").Chain[0]);
        Assert.StartsWith("excluded by services/web/Dockerfile.dockerignore line 1 (*.md)", result.IgnoredReason("services/web/README.md"));
    }

    [Fact]
    public async Task With_a_commit_as_head_the_context_and_dockerignore_are_read_from_that_commit()
    {
        var baseSha = WithServiceFolderDockerfile().Write("services/web/.dockerignore", "*.md\n").Commit("base");
        repo.Write("services/web/README.md", "v2\n").Write("services/web/templates/home.html", "<p>v2</p>\n");
        var head = repo.Commit("head");
        // The working tree says otherwise; --head must not read it.
        repo.Write("services/web/.dockerignore", "templates/\n");

        var result = await Analyse.RunAsync(repo, baseSha, configure: r => r.WithHead(head));

        Assert.Equal(["web"], result.Names());
        Assert.Contains("build context services/web, the service folder", result.ReasonOf("web").ChainText);
        Assert.StartsWith("excluded by services/web/.dockerignore line 1 (*.md)", result.IgnoredReason("services/web/README.md"));
    }

    [Fact]
    public void The_files_an_own_Dockerfile_sends_for_the_input_hash_are_what_its_COPY_takes_past_the_dockerignore()
    {
        WithServiceFolderDockerfile()
            .Write("services/web/.dockerignore", "*.md\n!KEEP.md\ndocs/\n")
            .Write("services/web/KEEP.md", "keep\n")
            .Write("services/web/docs/guide.txt", "guide\n")
            .Write("services/web/.git/config", "[core]\n");
        var own = OwnDockerfile.Load(new WorkTreeSource(repo.Root), "web", "services/web", "services/web/Dockerfile", null);

        var files = own.CopiedFiles(new GoMonorepoBuild.Workspace.MonorepoFiles(repo.Root), _ => true);

        Assert.Equal(["services/web/.dockerignore", "services/web/Dockerfile", "services/web/KEEP.md", "services/web/go.mod", "services/web/main.go",
            "services/web/static/index.html", "services/web/templates/home.html"], files);
    }

    [Fact]
    public async Task A_Dockerfile_copying_only_dot_beside_its_own_go_mod_is_built_from_its_folder()
    {
        // golang-samples' run/custom-metrics: from the root, `go build` would meet the root's files, not this module.
        var baseSha = SampleMonorepo.WriteTo(repo)
            .Write("services/web/Dockerfile", "FROM golang:1.23 AS build\nWORKDIR /app\nCOPY . .\nRUN go build -o /web .\n")
            .Write("services/web/templates/home.html", "<p>home</p>\n").Commit("base");
        repo.Write("README.md", "# changed\n").Write("services/web/templates/home.html", "<p>welcome</p>\n");

        var result = await Analyse.RunAsync(repo, baseSha);

        Assert.Equal(["web"], result.Names());
        Assert.Equal("services/web/templates/home.html -> copied by services/web/Dockerfile (COPY .) -> build context services/web, the service folder " +
                     "(inferred: COPY . beside the service's go.mod, and services/web/Dockerfile never names services/web) -> service web",
            result.ReasonOf("web").ChainText);
        Assert.Equal(["README.md"], result.IgnoredFiles.Select(i => i.Path));
    }

    [Fact]
    public async Task A_Dockerfile_copying_only_dot_that_names_its_folders_path_is_built_from_the_root()
    {
        var baseSha = SampleMonorepo.WriteTo(repo)
            .Write("services/web/Dockerfile", "FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN cd services/web && go build -o /web .\n")
            .Commit("base");
        repo.Write("README.md", "# changed\n");

        var result = await Analyse.RunAsync(repo, baseSha);

        Assert.Equal(["web"], result.Names());
        Assert.Contains("build context the monorepo root (the default: no COPY/ADD or bind-mount source of services/web/Dockerfile names a file",
            result.ReasonOf("web").ChainText);
    }

    // What `docker init` writes for a Go project, built from its folder: nothing of the context is copied, all is bind-mounted.
    const string BindMountDockerfile =
        "# syntax=docker/dockerfile:1\nFROM golang:1.23 AS build\nWORKDIR /src\n" +
        "RUN --mount=type=cache,target=/go/pkg/mod/ \\\n    --mount=type=bind,source=go.mod,target=go.mod \\\n    go mod download -x\n" +
        "RUN --mount=type=cache,target=/go/pkg/mod/ \\\n    --mount=type=bind,target=. \\\n    CGO_ENABLED=0 go build -o /bin/server .\n\n" +
        "FROM scratch\nCOPY --from=build /bin/server /bin/\nENTRYPOINT [ \"/bin/server\" ]\n";

    [Fact]
    public async Task A_file_that_only_a_RUN_bind_mount_takes_affects_the_service_and_the_mount_decides_its_context()
    {
        var baseSha = WithServiceFolderDockerfile().Write("services/web/Dockerfile", BindMountDockerfile).Commit("base");
        repo.Write("services/web/templates/home.html", "<p>welcome</p>\n").Write(".github/workflows/ci.yaml", "on: pull_request\n");

        var result = await Analyse.RunAsync(repo, baseSha);

        Assert.Equal(["web"], result.Names());
        Assert.Equal("services/web/templates/home.html -> mounted by services/web/Dockerfile (RUN --mount=type=bind,source=.) -> build context " +
                     "services/web, the service folder (inferred: RUN --mount=type=bind,source=go.mod resolves beside the Dockerfile) -> service web",
            result.ReasonOf("web").ChainText);
    }

    [Theory]
    [InlineData("RUN --mount=type=bind,target=. go build", ".")]
    [InlineData("RUN --mount=target=/src,src=cmd/web go build", "cmd/web")]
    [InlineData("RUN --mount=type=bind,source=go.sum,target=go.sum --mount=type=bind,source=go.mod,target=go.mod go mod download", "go.sum go.mod")]
    [InlineData("RUN --mount=type=cache,target=/root/.cache/go-build go build", "")]
    [InlineData("RUN --mount=type=bind,from=deps,source=/out,target=/deps go build", "")]
    [InlineData("RUN --mount=type=secret,id=token go build", "")]
    [InlineData("RUN go build --mount=type=bind,source=x", "")]
    public void The_context_sources_of_a_RUN_are_its_bind_mounts_without_from(string run, string expected) =>
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), DockerfileCopies.Parse("FROM scratch\n" + run + "\n").Sources.ToArray());

    [Fact]
    public void A_configured_context_that_does_not_exist_is_an_error_naming_the_setting()
    {
        WithServiceFolderDockerfile();
        var error = Assert.Throws<InvalidDataException>(() => OwnDockerfile.Load(new WorkTreeSource(repo.Root), "web", "services/web",
            "services/web/Dockerfile", BuildContextSetting.Parse("services/missing")));
        Assert.Contains("service 'web': \"context\": \"services/missing\" in gomonorepobuild.json names services/missing, which does not exist", error.Message);
    }

    [Theory]
    [InlineData("/etc")]
    [InlineData("../outside")]
    [InlineData("")]
    public void A_context_setting_outside_the_monorepo_is_refused(string value) =>
        Assert.Contains("give \"service\"", Assert.Throws<ArgumentException>(() => BuildContextSetting.Parse(value)).Message);
}
