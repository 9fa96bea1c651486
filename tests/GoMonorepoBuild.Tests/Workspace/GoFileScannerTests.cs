using System.Text;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Packages;

namespace GoMonorepoBuild.Tests.Workspace;

public class GoFileScannerTests
{
    private static GoSourceFile Scan(string text, string name = "x.go") =>
        GoFileScanner.Scan(Encoding.UTF8.GetBytes(text), name, "pkg/" + name);

    [Fact]
    public void Imports_of_every_form_are_found_between_comments_and_semicolons()
    {
        var file = Scan("""
            // Copyright notice.

            /* block
               comment */
            package api // trailing

            import "fmt"
            import (
                // a comment
                "net/http" /* inline */
                auth "example.com/libs/auth"
                . "strings"; _ "embed"
                `example.com/raw/path`
            )
            import log "log/slog"

            var s = "import \"not/this\""

            func F() {}
            """);
        Assert.Equal("api", file.PackageName);
        Assert.Equal(["fmt", "net/http", "example.com/libs/auth", "strings", "embed", "example.com/raw/path", "log/slog"],
            file.Imports.Select(i => i.Path));
        Assert.Equal([null, null, "auth", ".", "_", null, "log"], file.Imports.Select(i => i.Alias));
        Assert.Equal(7, file.Imports[0].Line);
    }

    [Fact]
    public void Build_constraints_are_recorded_from_go_build_or_plus_build_lines()
    {
        Assert.Equal("linux && !cgo", Scan("//go:build linux && !cgo\n\npackage x\n").Constraint!.Expression);
        var legacy = Scan("// +build linux,amd64 darwin\n\npackage x\n").Constraint!;
        Assert.True(legacy.MayBuildFor(new TargetPlatform("linux", "amd64")));
        Assert.False(legacy.MayBuildFor(new TargetPlatform("linux", "arm64")));
        Assert.Null(Scan("package x\n//go:build ignore\n").Constraint);
    }

    [Theory]
    // loki's vendored buger/jsonparser: the stray space splits a clause, and the empty term is false (go/build/constraint).
    [InlineData("// +build !appengine,!appenginevm, !tinygo", "linux", true)]
    [InlineData("// +build appengine,", "linux", false)]
    [InlineData("// +build !!linux darwin", "linux", false)]
    [InlineData("// +build !", "linux", false)]
    [InlineData("// +build linux,!a-b", "linux", true)]
    public void Plus_build_terms_that_are_no_valid_tag_read_as_go_reads_them(string line, string os, bool builds) =>
        Assert.Equal(builds, Scan(line + "\n\npackage x\n").Constraint!.BuildsWithoutTags(new TargetPlatform(os, "amd64")));

    [Fact]
    public void Embed_directives_are_read_only_in_files_importing_embed()
    {
        var file = Scan("package x\n\nimport _ \"embed\"\n\n//go:embed static/* \"a b.txt\" `c.txt`\nvar f string\n\n  //go:embed all:templates\nvar t string\n");
        Assert.Equal(["static/*", "a b.txt", "c.txt", "all:templates"], file.EmbedPatterns.Select(p => p.Pattern));
        Assert.Equal([5, 5, 5, 8], file.EmbedPatterns.Select(p => p.Line));
        Assert.Empty(Scan("package x\n\n//go:embed static/*\nvar f string\n").EmbedPatterns);
    }

    [Fact]
    public void A_long_header_is_read_past_the_first_chunk_from_disk()
    {
        using var tree = new TempTree();
        var padding = string.Concat(Enumerable.Range(0, 400).Select(i => $"// line {i} of a long licence header\n"));
        var imports = string.Concat(Enumerable.Range(0, 200).Select(i => $"\t\"example.com/p{i}\"\n"));
        tree.Write("a.go", $"{padding}package a\n\nimport (\n{imports}\t\"embed\"\n)\n\n//go:embed x.txt\nvar x string\n");
        var file = GoFileScanner.ScanFile(Path.Combine(tree.Root, "a.go"), "a.go");
        Assert.Equal(201, file.Imports.Count);
        Assert.Equal("x.txt", Assert.Single(file.EmbedPatterns).Pattern);
    }

    [Fact]
    public void External_test_packages_are_recognised()
    {
        var file = Scan("package api_test\nimport \"testing\"\n", "api_test.go");
        Assert.True(file.IsTest);
        Assert.True(file.IsExternalTest);
    }

    [Theory]
    [InlineData("", 1, "expected 'package' clause, found end of file")]
    [InlineData("// only a comment\n", 2, "expected 'package' clause")]
    [InlineData("func main() {}\n", 1, "found 'func'")]
    [InlineData("package x\nimport (\n\t\"fmt\"\n", 4, "import block is never closed")]
    [InlineData("package x\nimport \"fmt\n\"\n", 2, "string literal not terminated")]
    [InlineData("package x\nimport 42\n", 2, "expected an import path string")]
    [InlineData("package x\n/* open\n", 2, "comment not terminated")]
    [InlineData("//go:build linux &&\n\npackage x\n", 1, "invalid //go:build line")]
    public void A_malformed_header_is_reported_with_its_line(string text, int line, string reason)
    {
        var e = Assert.Throws<WorkspaceException>(() => Scan(text));
        Assert.Equal(("pkg/x.go", line), (e.File, e.Line));
        Assert.Contains(reason, e.Message);
    }

    [Theory]
    [InlineData("linux", "linux/amd64", true)]
    [InlineData("windows", "linux/amd64", false)]
    [InlineData("!linux", "linux/arm64", false)]
    [InlineData("unix && !darwin", "linux/amd64", true)]
    [InlineData("customtag", "linux/amd64", true)]
    [InlineData("!customtag", "linux/amd64", true)]
    [InlineData("linux && (arm || 386)", "linux/amd64", false)]
    [InlineData("ignore", "linux/amd64", false)]
    [InlineData("cgo || !cgo", "linux/amd64", true)]
    [InlineData("darwin && cgo", "linux/amd64", false)]
    public void Only_files_that_can_never_build_for_the_platform_are_left_out(string expression, string platform, bool builds) =>
        Assert.Equal(builds, BuildConstraint.Parse(expression).MayBuildFor(TargetPlatform.Parse(platform)));

    [Theory]
    [InlineData("x_windows.go", false)]
    [InlineData("x_linux.go", true)]
    [InlineData("x_linux_arm64.go", false)]
    [InlineData("x_linux_amd64_test.go", true)]
    [InlineData("windows.go", true)]
    [InlineData("x_arm.go", false)]
    public void File_name_suffixes_constrain_the_platform(string name, bool builds) =>
        Assert.Equal(builds, KnownPlatforms.FileNameAllows(name, new TargetPlatform("linux", "amd64")));
}
