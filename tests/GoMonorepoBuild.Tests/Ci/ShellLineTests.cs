using GoMonorepoBuild.Ci;
using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Tests.Ci;

public class ShellLineTests
{
    [Fact]
    public async Task Bash_reads_each_word_back_whole_expanding_variables_but_not_globs()
    {
        string[] words = ["--services", "services/*,tools/*", "--only", "$SERVICE", "it's", "a b", "back\\slash", "\"q\"", "`id`", "plain-word"];
        var line = "printf '%s\\n' " + ShellLine.Join(words);
        var result = await Tool.Named("bash").WithEnvironment("SERVICE", "orders api")
            .WithWorkingDirectory(Path.GetTempPath())
            .RunAsync(["-c", line], TestContext.Current.CancellationToken);
        Assert.Equal(
            ["--services", "services/*,tools/*", "--only", "orders api", "it's", "a b", "back\\slash", "\"q\"", "`id`", "plain-word"],
            result.StandardOutput.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Plain_words_stay_unquoted_so_the_generated_commands_read_naturally() =>
        Assert.Equal("./build.sh Affected --format matrix --output .nuke/temp/ci/affected-matrix.json",
            ShellLine.Join(["./build.sh", "Affected", "--format", "matrix", "--output", ".nuke/temp/ci/affected-matrix.json"]));
}
