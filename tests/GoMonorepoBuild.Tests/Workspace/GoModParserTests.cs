using GoMonorepoBuild.Workspace.GoMod;

namespace GoMonorepoBuild.Tests.Workspace;

public class GoModParserTests
{
    private const string Full = """
        // The orders service.
        module "example.com/services/orders"

        go 1.23.4
        toolchain go1.23.5
        godebug default=go1.21
        godebug (
            panicnil=1 // keep old behaviour
            http2client=0
        )

        require example.com/libs/auth v0.0.0-00010101000000-000000000000
        require (
            github.com/google/uuid v1.6.0
            golang.org/x/text v0.21.0 // indirect
            `example.com/raw` v1.0.0+incompatible
        )

        exclude github.com/google/uuid v1.5.0
        exclude (
            golang.org/x/text v0.20.0
        )

        replace example.com/libs/auth => ../../libs/auth
        replace (
            github.com/google/uuid v1.6.0 => github.com/fork/uuid v1.6.1
            example.com/libs/log => ./../../libs/log // comment after
        )

        // Published by mistake.
        retract v1.0.0
        retract (
            [v1.1.0, v1.2.0] // broken builds
        )
        """;

    [Fact]
    public void Every_directive_of_the_reference_grammar_is_understood()
    {
        var mod = GoModFile.Parse(Full, "services/orders/go.mod");
        Assert.Equal("example.com/services/orders", mod.ModulePath);
        Assert.Equal(new SourcePosition(2, 1), mod.ModulePosition);
        Assert.Equal("1.23.4", mod.GoVersion);
        Assert.Equal("go1.23.5", mod.Toolchain);
        Assert.Equal(["default=go1.21", "panicnil=1", "http2client=0"], mod.Godebug.Select(g => $"{g.Key}={g.Value}"));
        Assert.Equal(4, mod.Requires.Count);
        Assert.Equal("example.com/raw", mod.Requires[3].Path);
        Assert.Equal("v1.0.0+incompatible", mod.Requires[3].Version);
        Assert.True(mod.Requires.Single(r => r.Path == "golang.org/x/text").Indirect);
        Assert.False(mod.Requires.Single(r => r.Path == "github.com/google/uuid").Indirect);
        Assert.Equal(["github.com/google/uuid@v1.5.0", "golang.org/x/text@v0.20.0"], mod.Excludes.Select(e => $"{e.Path}@{e.Version}"));
        Assert.Equal(3, mod.Replaces.Count);
        Assert.True(mod.Replaces[0].IsLocal);
        Assert.Equal("../../libs/auth", mod.Replaces[0].NewPath);
        Assert.Equal(("v1.6.0", "github.com/fork/uuid", "v1.6.1"), (mod.Replaces[1].OldVersion, mod.Replaces[1].NewPath, mod.Replaces[1].NewVersion));
        Assert.False(mod.Replaces[1].IsLocal);
        Assert.Equal(2, mod.Retracts.Count);
        Assert.Equal(("v1.0.0", "v1.0.0"), (mod.Retracts[0].Low, mod.Retracts[0].High));
        Assert.Contains("Published by mistake.", mod.Retracts[0].Rationale);
        Assert.Equal(("v1.1.0", "v1.2.0", "broken builds"), (mod.Retracts[1].Low, mod.Retracts[1].High, mod.Retracts[1].Rationale));
    }

    [Fact]
    public void Interpreted_strings_unescape_and_a_version_specific_replace_wins()
    {
        var mod = GoModFile.Parse("module \"example.com/\\x61pp\"\nreplace a.b/c => ./x\nreplace a.b/c v1.0.0 => ./y\n", "go.mod");
        Assert.Equal("example.com/app", mod.ModulePath);
        Assert.Equal("./y", mod.ReplacementFor("a.b/c", "v1.0.0")!.NewPath);
        Assert.Equal("./x", mod.ReplacementFor("a.b/c", "v2.0.0")!.NewPath);
    }

    [Theory]
    [InlineData("module a.b/c\ngo 1.x\n", 2, 4, "invalid go version")]
    [InlineData("module a.b/c\nrequire x.y/z 1.2.3\n", 2, 15, "invalid version '1.2.3'")]
    [InlineData("module a.b/c\nrequire (\n  x.y/z v1.0.0\n", 2, 1, "never closed")]
    [InlineData("module a.b/c\nreplace x.y/z => other.com/z\n", 2, 18, "must be a directory path")]
    [InlineData("module a.b/c\nreplace x.y/z => ./z v1.0.0\n", 2, 22, "must not have a version")]
    [InlineData("module a.b/c\ntool (\n  a.b/x extra\n)\n", 3, 3, "usage: tool")]
    [InlineData("go 1.22\n", 1, 1, "no module directive")]
    [InlineData("module a.b/c\nmodule d.e/f\n", 2, 1, "repeated module")]
    [InlineData("module a.b/c\ngo 1.21\ngo 1.22\n", 3, 1, "repeated go")]
    [InlineData("module a.b/c\n/* no */\n", 2, 1, "// comments")]
    [InlineData("module \"a.b/c\n", 1, 8, "newline in string")]
    [InlineData("module a.b/c\nretract [v1.0.0 v1.1.0]\n", 2, 1, "usage: retract")]
    [InlineData("module a.b/c\nrequire x.y/z v1.0.0 )\n", 2, 22, "unexpected ')'")]
    [InlineData("module a.b/c\ngodebug nokey\n", 2, 9, "key=value")]
    [InlineData("module a.b/c\ntoolchain 1.21\n", 2, 11, "invalid toolchain")]
    [InlineData("module a.b/c\ngo (\n1.21\n)\n", 3, 1, "cannot be written in a block")]
    public void A_broken_go_mod_is_reported_with_file_line_and_column(string text, int line, int column, string reason)
    {
        var e = Assert.Throws<GoModParseException>(() => GoModFile.Parse(text, "libs/x/go.mod"));
        Assert.Equal(("libs/x/go.mod", line, column), (e.File, e.Line, e.Column));
        Assert.Contains(reason, e.Message);
        Assert.StartsWith($"libs/x/go.mod:{line}:{column}: ", e.Message);
    }

    [Fact]
    public void Tool_and_ignore_directives_of_go_1_24_and_1_25_are_read_in_both_forms()
    {
        var mod = GoModFile.Parse("""
            module example.com/engine

            go 1.24.0

            tool golang.org/x/tools/cmd/stringer
            tool (
                github.com/golang/mock/mockgen
                gotest.tools/gotestsum
            )
            ignore ./node_modules
            ignore (
                ./docs
                website
            )
            """, "go.mod");
        Assert.Equal(["golang.org/x/tools/cmd/stringer", "github.com/golang/mock/mockgen", "gotest.tools/gotestsum"], mod.Tools.Select(t => t.Path));
        Assert.Equal(new SourcePosition(7, 5), mod.Tools[1].Position);
        Assert.Equal(["./node_modules", "./docs", "website"], mod.Ignores.Select(i => i.Path));
        Assert.Empty(mod.Warnings);
    }

    [Fact]
    public void An_unknown_future_directive_is_a_warning_naming_file_and_line_and_the_rest_is_still_read()
    {
        var mod = GoModFile.Parse("""
            module example.com/future

            go 1.30
            frobnicate x y
            sandbox (
                ./a
                ./b
            )
            require example.com/lib v1.0.0
            replace example.com/lib => ../lib
            """, "services/future/go.mod");
        Assert.Equal(2, mod.Warnings.Count);
        Assert.StartsWith("services/future/go.mod:4:1: unknown directive 'frobnicate' ignored", mod.Warnings[0]);
        Assert.StartsWith("services/future/go.mod:6:5: unknown directive 'sandbox' ignored", mod.Warnings[1]);
        Assert.Equal("example.com/lib", Assert.Single(mod.Requires).Path);
        Assert.True(Assert.Single(mod.Replaces).IsLocal);
    }
}
