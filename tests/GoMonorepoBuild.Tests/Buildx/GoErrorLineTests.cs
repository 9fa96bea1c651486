using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Buildx;

public class GoErrorLineTests
{
    [Fact]
    public void In_a_captured_compile_error_the_failed_steps_first_compiler_line_is_found_not_buildxs_exit_code()
    {
        var progress = new RawJsonProgress();
        var lines = File.ReadAllLines(DockerfilesGolden.PathOf("Samples/compile-error.rawjson")).SelectMany(progress.Feed).Concat(progress.Flush());
        using var log = new BuildLog(path: null);
        log.Write(lines);

        Assert.Equal("./main.go:3:15: undefined: undefinedThing", log.GoError());
    }

    [Fact]
    public void Go_lines_of_a_step_that_did_not_fail_and_go_progress_lines_are_not_the_error()
    {
        using var log = new BuildLog(path: null);
        log.Write([
            "#9 [build 5/7] RUN go mod download",
            "#9 go: downloading example.com/lib v1.0.0",
            "#9 DONE 0.4s",
            "#10 [build 7/7] RUN go build",
            "#10 0.512 go: downloading example.com/other v1.2.0",
            "#10 0.913 # example.com/services/orders",
            "#10 0.913 ../../libs/money/round.go:7:2: undefined: math.Roundd",
            "#10 0.913 ../../libs/money/round.go:9:2: another error",
            "#11 [stage-1 2/2] COPY --from=build /out/orders /app",
            "#11 ./not/this.go:1:1: printed by another step",
            "#10 ERROR: process \"/bin/sh -c go build\" did not complete successfully: exit code: 1",
        ]);

        Assert.Equal("../../libs/money/round.go:7:2: undefined: math.Roundd", log.GoError());
    }

    [Fact]
    public void A_failure_without_go_output_has_no_go_error()
    {
        using var log = new BuildLog(path: null);
        log.Write(["#4 [build 2/7] RUN false", "#4 ERROR: process \"/bin/sh -c false\" did not complete successfully: exit code: 1"]);

        Assert.Null(log.GoError());
    }

    [Theory]
    [InlineData("./main.go:3:15: undefined: x", "services/orders/main.go:3:15: undefined: x")]
    [InlineData("cmd/orders/main.go:3: syntax error", "services/orders/cmd/orders/main.go:3: syntax error")]
    [InlineData("../../libs/money/round.go:7:2: undefined: y", "libs/money/round.go:7:2: undefined: y")]
    [InlineData("/src/libs/money/round.go:7:2: undefined: y", "libs/money/round.go:7:2: undefined: y")]
    [InlineData("/usr/lib/go/src/fmt/print.go:1:1: odd", "/usr/lib/go/src/fmt/print.go:1:1: odd")]
    [InlineData("go: updates to go.mod needed; to update it:", "go: updates to go.mod needed; to update it:")]
    public void A_compiler_line_names_its_file_relative_to_the_monorepo(string printed, string expected) =>
        Assert.Equal(expected, GoErrorLine.InMonorepo(printed, "services/orders", "/src"));
}
