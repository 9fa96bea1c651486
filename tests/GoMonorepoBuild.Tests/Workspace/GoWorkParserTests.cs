using GoMonorepoBuild.Workspace.GoMod;

namespace GoMonorepoBuild.Tests.Workspace;

public class GoWorkParserTests
{
    [Fact]
    public void A_go_work_lists_its_modules_replaces_and_settings()
    {
        var work = GoWorkFile.Parse("""
            go 1.23
            toolchain go1.23.4
            godebug asynctimerchan=1

            use (
                ./services/orders // the service
                ./libs/auth
                "./libs/with space"
            )
            use ./tools

            replace example.com/old v1.0.0 => ./libs/new
            """, "go.work");
        Assert.Equal("1.23", work.GoVersion);
        Assert.Equal("go1.23.4", work.Toolchain);
        Assert.Single(work.Godebug);
        Assert.Equal(["./services/orders", "./libs/auth", "./libs/with space", "./tools"], work.Uses.Select(u => u.Path));
        Assert.Equal(new SourcePosition(6, 5), work.Uses[0].Position);
        Assert.Equal("./libs/new", Assert.Single(work.Replaces).NewPath);
    }

    [Fact]
    public void A_directive_go_work_does_not_know_is_a_warning_naming_file_and_line()
    {
        var work = GoWorkFile.Parse("go 1.23\nrequire a.b/c v1.0.0\nuse (\n  ./a\n)\n", "go.work");
        Assert.StartsWith("go.work:2:1: unknown directive 'require' ignored (go.work knows go, toolchain, godebug, use, replace)", Assert.Single(work.Warnings));
        Assert.Equal("./a", Assert.Single(work.Uses).Path);
    }
}
