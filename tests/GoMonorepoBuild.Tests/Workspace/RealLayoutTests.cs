using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Workspace;

/// <summary>The layouts of real Go monorepos (issue 15), each reproduced by a small fixture written for it.</summary>
public class RealLayoutTests
{
    [Fact]
    public void A_go_mod_with_a_tool_block_and_an_unknown_future_directive_loads_with_a_warning_naming_file_and_line()
    {
        using var tree = new TempTree();
        tree.Module("services/engine", "example.com/engine", """
            tool (
                golang.org/x/tools/cmd/stringer
                gotest.tools/gotestsum
            )
            ignore ./website
            teleport ./somewhere
            """)
            .GoFile("services/engine/main.go", "main", "example.com/engine/daemon")
            .GoFile("services/engine/daemon/daemon.go", "daemon");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);
        var engine = Assert.Single(model.Services);
        Assert.Equal(["example.com/engine", "example.com/engine/daemon"], engine.Packages);
        Assert.Equal(2, model.ModuleAt("services/engine")!.ModFile.Tools.Count);
        Assert.Contains(model.Warnings, w => w.StartsWith("services/engine/go.mod:9:1: unknown directive 'teleport' ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void A_generator_that_only_a_custom_tag_builds_may_be_another_package_as_go_build_without_tags_ignores_it()
    {
        // aws-sdk-go-v2 (vendored in moby) keeps "//go:build clientlogmode" package main beside package aws.
        using var tree = new TempTree();
        tree.Module("services/api", "example.com/api")
            .GoFile("services/api/main.go", "main", "example.com/api/aws")
            .Write("services/api/aws/logging_generate.go", "//go:build clientlogmode\n// +build clientlogmode\n\npackage main\n\nfunc main() {}\n")
            .GoFile("services/api/aws/logging.go", "aws")
            .Write("services/api/conflict/a.go", "package a\n")
            .Write("services/api/conflict/b.go", "//go:build linux\n\npackage b\n");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);

        var aws = model.Packages["example.com/api/aws"];
        Assert.Equal("aws", aws.Name);
        Assert.Equal(["services/api/aws/logging.go"], aws.Files);
        Assert.Contains("services/api/aws/logging_generate.go", aws.ExcludedFiles);
        Assert.DoesNotContain(model.Problems, p => p.File == "services/api/aws/logging_generate.go");
        // A platform tag is no custom tag: go build compiles both files there, and the conflict stays a problem.
        Assert.Contains(model.Problems, p => p.File == "services/api/conflict/b.go" && p.Message.Contains("a folder holds one package", StringComparison.Ordinal));
    }

    [Fact]
    public void Modules_that_require_each_other_are_legal_and_a_change_anywhere_in_the_cycle_reaches_their_dependents()
    {
        using var tree = new TempTree();
        tree.Module("services/a", "example.com/a", "require example.com/b v0.0.0\nreplace example.com/b => ../../libs/b\nreplace example.com/c => ../../libs/c\n")
            .GoFile("services/a/main.go", "main", "example.com/b")
            .Module("services/other", "example.com/other").GoFile("services/other/main.go", "main")
            .Module("libs/b", "example.com/b", "require example.com/c v0.0.0\nreplace example.com/c => ../c\n")
            .GoFile("libs/b/b.go", "b")
            .GoFile("libs/b/usesc/usesc.go", "usesc", "example.com/c")
            .Module("libs/c", "example.com/c", "require example.com/b v0.0.0\nreplace example.com/b => ../b\n")
            .GoFile("libs/c/c.go", "c", "example.com/b");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["example.com/b", "example.com/c"], Assert.Single(model.ModuleCycles));
        Assert.Equal(["example.com/b", "example.com/c"], model.ModuleCycleOf("example.com/c"));
        var a = model.Service("a")!;
        Assert.Equal(["example.com/a", "example.com/b", "example.com/c"], a.Modules);
        // Module files of every cycle member are inputs; at package level only what is imported.
        Assert.Contains("libs/c/go.mod", a.ImageInputs);
        Assert.Contains("libs/b/b.go", a.ImageInputs);
        Assert.DoesNotContain("libs/c/c.go", a.ImageInputs);
        Assert.Equal(["a"], model.ServicesWithInput("libs/c/go.mod").Select(s => s.Name));
        Assert.Equal(["libs/c/go.mod", "module example.com/c", "required by libs/b (module example.com/b)", "required by services/a (module example.com/a)", "service a"],
            model.Explain("libs/c/go.mod", a));
    }

    [Fact]
    public void A_module_in_a_testdata_folder_that_a_replace_points_at_is_a_module_and_other_testdata_stays_out()
    {
        using var tree = new TempTree();
        tree.Module("services/a", "example.com/a", "require example.com/pdata/testdata v0.0.0\nreplace example.com/pdata/testdata => ../../pdata/testdata\n")
            .GoFile("services/a/main.go", "main", "example.com/pdata/testdata/gen")
            .Module("pdata", "example.com/pdata").GoFile("pdata/p.go", "pdata")
            .Module("pdata/testdata", "example.com/pdata/testdata").GoFile("pdata/testdata/gen/gen.go", "gen")
            .GoFile("pdata/testdata/gen/testdata/ignored.go", "ignored")
            .Module("pdata/_unused", "example.com/pdata/unused").GoFile("pdata/_unused/u.go", "unused")
            .GoFile("pdata/testdata2/testdata/x.go", "x");
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["pdata", "pdata/testdata", "services/a"], model.Modules.Select(m => m.Dir));
        var a = Assert.Single(model.Services);
        Assert.Equal(["example.com/a", "example.com/pdata/testdata"], a.Modules);
        Assert.Contains("pdata/testdata/gen/gen.go", a.ImageInputs);
        Assert.Contains("pdata/testdata/go.mod", a.ImageInputs);
        Assert.DoesNotContain(model.Packages.Values, p => p.Dir.Contains("testdata/testdata", StringComparison.Ordinal) || p.Dir.EndsWith("gen/testdata", StringComparison.Ordinal));
        Assert.Equal(["example.com/pdata"], model.PackagesOfModule("example.com/pdata").Select(p => p.ImportPath));
    }

    [Fact]
    public void The_globs_suggested_for_a_selection_of_nothing_name_the_binaries_before_library_modules()
    {
        // opentelemetry-go-contrib: library modules (bridges/*, detectors/*) sort before the examples that are its binaries.
        using var tree = new TempTree();
        tree.Module("bridges/otelslog", "example.com/bridges/otelslog").GoFile("bridges/otelslog/handler.go", "otelslog")
            .Module("detectors/aws", "example.com/detectors/aws").GoFile("detectors/aws/detector.go", "aws")
            .Module("examples/dice", "example.com/examples/dice").GoFile("examples/dice/main.go", "main")
            .Module("examples/grpc", "example.com/examples/grpc").GoFile("examples/grpc/server/main.go", "main")
            .GoFile("examples/grpc/client/main.go", "main");
        var model = GoWorkspace.Load(tree.Root, ["services/*"], cancellationToken: TestContext.Current.CancellationToken);
        var text = GoMonorepoBuild.Workspace.Services.ServiceGlobHints.Describe(model, ["services/*"]);
        Assert.EndsWith("try for example --services 'examples/grpc/*' or 'examples/*' or 'bridges/*' or 'detectors/*'", text);
    }

    [Fact]
    public void A_services_glob_matching_nothing_is_described_with_the_counts_of_the_tree_and_globs_that_would_match()
    {
        using var tree = new TempTree();
        tree.Module(".", "example.com/thanos")
            .GoFile("cmd/thanos/main.go", "main", "example.com/thanos/pkg/store")
            .GoFile("pkg/store/store.go", "store");
        var model = GoWorkspace.Load(tree.Root, ["services/*"], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Empty(model.Services);
        var text = GoMonorepoBuild.Workspace.Services.ServiceGlobHints.Describe(model, ["services/*"]);
        Assert.Equal("--services 'services/*' matches no module or main-package folder: the tree has 1 module(s) and 1 main package(s); try for example --services 'cmd/*'", text);
    }
}
