using GoMonorepoBuild.Ci.Yaml;
using YamlDotNet.RepresentationModel;

namespace GoMonorepoBuild.Tests.Ci;

public class YamlEmitterTests
{
    [Theory]
    [InlineData("plain words")]
    [InlineData("true")]
    [InlineData("No")]
    [InlineData("on")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("0")]
    [InlineData("1.23")]
    [InlineData("0x1F")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData(" leading space")]
    [InlineData("key: value")]
    [InlineData("trailing colon:")]
    [InlineData("# not a comment")]
    [InlineData("a #b")]
    [InlineData("*alias")]
    [InlineData("&anchor")]
    [InlineData("!tag")]
    [InlineData("- dash")]
    [InlineData("it's")]
    [InlineData("'quoted'")]
    [InlineData("\"double\"")]
    [InlineData("tab\there")]
    [InlineData("${{ fromJson(needs.a.outputs.matrix) }}")]
    [InlineData("$CI_COMMIT_BRANCH == \"main\"")]
    [InlineData("line one\nline two\n")]
    [InlineData("no final newline\nsecond")]
    [InlineData("  indented first line\nx")]
    [InlineData("[flow]")]
    [InlineData("{flow}")]
    [InlineData("back\\slash")]
    public void Any_string_value_reads_back_as_the_same_string(string value)
    {
        var text = YamlEmitter.Emit(new YamlMap { ["key"] = value, ["list"] = new YamlSeq { value }, ["flow"] = new YamlSeq { Flow = true }.Also(value) }, []);
        var root = CiYaml.Parse(text);
        var scalar = Assert.IsType<YamlScalarNode>(root.At("key"));
        Assert.Equal(value, scalar.Value);
        Assert.NotEqual(YamlDotNet.Core.ScalarStyle.Plain, IsSpecial(value) ? scalar.Style : YamlDotNet.Core.ScalarStyle.Any);
        Assert.Equal(value, ((YamlScalarNode)root.Items("list")[0]).Value);
        Assert.Equal(value, ((YamlScalarNode)root.Items("flow")[0]).Value);
    }

    static bool IsSpecial(string value) => value is "true" or "No" or "on" or "null" or "~" or "0" or "1.23" or "0x1F" or "-1";

    [Fact]
    public void Booleans_and_numbers_are_written_bare_so_a_ci_reads_them_as_such()
    {
        var text = YamlEmitter.Emit(new YamlMap { ["fail-fast"] = false, ["fetch-depth"] = 0, ["text"] = "false" }, []);
        Assert.Contains("fail-fast: false\n", text);
        Assert.Contains("fetch-depth: 0\n", text);
        Assert.Contains("text: 'false'\n", text);
    }

    [Fact]
    public void Multi_line_strings_become_literal_blocks_indented_under_their_key()
    {
        var text = YamlEmitter.Emit(new YamlMap { ["steps"] = new YamlSeq { new YamlMap { ["run"] = "a\nb\n" } } }, ["header"]);
        Assert.Equal("# header\n\nsteps:\n  - run: |\n      a\n      b\n", text);
    }

    [Fact]
    public void A_comment_follows_its_value_on_the_same_line()
    {
        var text = YamlEmitter.Emit(new YamlMap { ["uses"] = new YamlScalar("a/b@" + new string('0', 40)).WithComment("v1.2.3") }, []);
        Assert.Contains("uses: a/b@0000000000000000000000000000000000000000 # v1.2.3\n", text);
        Assert.Equal("a/b@" + new string('0', 40), CiYaml.Parse(text).Text("uses"));
    }

    [Fact]
    public void Spaced_mappings_put_a_blank_line_between_entries_only()
    {
        var text = YamlEmitter.Emit(new YamlMap { Spaced = true, ["a"] = "1x", ["b"] = new YamlMap { ["c"] = "d" } }, []);
        Assert.Equal("\na: 1x\n\nb:\n  c: d\n", text);
    }
}

internal static class YamlSeqTestExtensions
{
    public static YamlSeq Also(this YamlSeq seq, GoMonorepoBuild.Ci.Yaml.YamlNode item)
    {
        seq.Add(item);
        return seq;
    }
}
