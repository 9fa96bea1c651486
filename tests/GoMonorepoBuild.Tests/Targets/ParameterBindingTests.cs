using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Tests.Targets;

public class ParameterBindingTests : IDisposable
{
    public enum Mode { Fast, SlowAndSteady }

    class BaseBuild : BuildBase
    {
        [Parameter("The registry")] public string? Registry { get; set; }
        [Parameter("Inherited private field")] string? secret = null;
        public string? Secret => secret;
    }

    class Build : BaseBuild
    {
        [Parameter] public bool Push { get; set; }
        [Parameter] public bool FailFast { get; set; }
        [Parameter] public int Retries { get; set; } = 3;
        [Parameter] public long Big { get; set; }
        [Parameter] public double Ratio { get; set; }
        [Parameter] public Mode Speed { get; set; }
        [Parameter] public string[] Only { get; set; } = [];
        [Parameter] public int[] Ports { get; set; } = [];
        [Parameter] public int? Limit { get; set; }
        [Parameter] public TimeSpan Timeout { get; set; }
        [Parameter(Name = "Tag", Separator = ';')] internal string[] Tags = [];
    }

    readonly TempFolder root = new();

    public ParameterBindingTests() => Directory.CreateDirectory(Path.Combine(root.Path, ".nuke"));

    public void Dispose() => root.Dispose();

    Build Bind(string[] args, Dictionary<string, string>? environment = null)
    {
        var build = new Build();
        var parameters = ParameterDescriptor.Discover(typeof(Build));
        var commandLine = CommandLine.Parse(args, name => name is "push" or "failfast");
        ParameterBinder.Bind(parameters, commandLine, environment ?? [], root.Path).ApplyTo(build);
        return build;
    }

    [Fact]
    public void Command_line_values_bind_to_every_supported_type()
    {
        var build = Bind([
            "--registry", "localhost:5000", "--push", "--retries", "5", "--big", "9000000000", "--ratio", "0.5",
            "--speed", "slow-and-steady", "--only", "a,b", "c", "--only", "d", "--ports", "80,443", "--limit", "7",
            "--timeout", "90s", "--tag", "x;y", "--secret", "s3",
        ]);
        Assert.Equal("localhost:5000", build.Registry);
        Assert.True(build.Push);
        Assert.Equal(5, build.Retries);
        Assert.Equal(9_000_000_000L, build.Big);
        Assert.Equal(0.5, build.Ratio);
        Assert.Equal(Mode.SlowAndSteady, build.Speed);
        Assert.Equal(["a", "b", "c", "d"], build.Only);
        Assert.Equal([80, 443], build.Ports);
        Assert.Equal(7, build.Limit);
        Assert.Equal(TimeSpan.FromSeconds(90), build.Timeout);
        Assert.Equal(["x", "y"], build.Tags);
        Assert.Equal("s3", build.Secret);
    }

    [Fact]
    public void A_bool_flag_takes_an_explicit_false_and_the_last_scalar_occurrence_wins()
    {
        var build = Bind(["--push", "false", "--retries", "1", "--retries", "2", "-Registry", "r"]);
        Assert.False(build.Push);
        Assert.Equal(2, build.Retries);
        Assert.Equal("r", build.Registry);
    }

    [Fact]
    public void Parameters_no_source_mentions_keep_their_initial_value()
    {
        var build = Bind([]);
        Assert.Equal(3, build.Retries);
        Assert.Null(build.Limit);
    }

    [Fact]
    public void The_environment_binds_by_exact_member_name_or_upper_snake_case()
    {
        var build = Bind([], new() { ["Registry"] = "exact", ["FAIL_FAST"] = "true", ["ONLY"] = "a,b" });
        Assert.Equal("exact", build.Registry);
        Assert.True(build.FailFast);
        Assert.Equal(["a", "b"], build.Only);
    }

    [Fact]
    public void An_empty_environment_variable_counts_as_unset()
    {
        root.Write(".nuke/parameters.json", """{ "Registry": "file" }""");
        Assert.Equal("file", Bind([], new() { ["REGISTRY"] = "" }).Registry);
    }

    [Fact]
    public async Task A_plain_TARGET_variable_is_never_read()
    {
        root.Write(".nuke/parameters.json", """{ "Target": ["Two"] }""");
        var result = await InProcessBuild.RunAsync(new TwoTargets(), root.Path, ["--plan"],
            new Dictionary<string, string> { ["TARGET"] = "One" }, defaults: ["One"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Two", result.Output);
        Assert.DoesNotContain("One", result.Output);
    }

    class TwoTargets : BuildBase
    {
        Target One => _ => _.Executes(() => { });
        Target Two => _ => _.Executes(() => { });
    }

    [Fact]
    public void The_parameters_file_binds_and_a_profile_overrides_it()
    {
        root.Write(".nuke/parameters.json", """{ "$schema": "./build.schema.json", "Registry": "base", "Retries": 4, "Push": true, "Only": ["x", "y"] }""");
        root.Write(".nuke/parameters.ci.json", """{ "Registry": "ci" }""");
        var plain = Bind([]);
        Assert.Equal(("base", 4, true), (plain.Registry, plain.Retries, plain.Push));
        Assert.Equal(["x", "y"], plain.Only);

        var profiled = Bind(["--profile", "ci"]);
        Assert.Equal(("ci", 4), (profiled.Registry, profiled.Retries));
    }

    [Fact]
    public void The_command_line_beats_the_environment_which_beats_the_files()
    {
        root.Write(".nuke/parameters.json", """{ "Registry": "file", "Retries": 4, "Ratio": 0.25 }""");
        var environment = new Dictionary<string, string> { ["REGISTRY"] = "env", ["RETRIES"] = "6" };
        var build = Bind(["--registry", "cli"], environment);
        Assert.Equal("cli", build.Registry);
        Assert.Equal(6, build.Retries);
        Assert.Equal(0.25, build.Ratio);
    }

    [Fact]
    public void An_unknown_option_suggests_the_closest_parameter()
    {
        var e = Assert.Throws<UsageException>(() => Bind(["--registy", "x"]));
        Assert.Contains("Unknown option '--registy'", e.Message);
        Assert.Contains("Did you mean --registry?", e.Message);
    }

    [Theory]
    [InlineData("--retries", "many", "'many' is not an integer")]
    [InlineData("--speed", "warp", "'warp' is not one of Fast, SlowAndSteady")]
    [InlineData("--timeout", "soon", "'soon' is not a duration")]
    public void A_bad_value_names_the_parameter_the_value_and_the_expected_type(string option, string value, string expected)
    {
        var e = Assert.Throws<UsageException>(() => Bind([option, value]));
        Assert.Contains(option, e.Message);
        Assert.Contains(expected, e.Message);
        Assert.Contains("the command line", e.Message);
    }

    [Fact]
    public void A_flag_followed_by_a_word_that_is_not_a_bool_leaves_the_word_a_target()
    {
        var commandLine = CommandLine.Parse(["--push", "Publish", "--only", "a", "b"], name => name == "push");
        Assert.Equal(["Publish"], commandLine.InvokedTargets);
        Assert.True(Bind(["--push", "Publish"]).Push);
    }

    [Fact]
    public void A_bad_environment_value_names_the_variable()
    {
        var e = Assert.Throws<UsageException>(() => Bind([], new() { ["RETRIES"] = "lots" }));
        Assert.Contains("environment variable RETRIES", e.Message);
        Assert.Contains("'lots' is not an integer", e.Message);
    }

    [Fact]
    public void A_scalar_given_two_words_says_targets_go_first()
    {
        var e = Assert.Throws<UsageException>(() => Bind(["--registry", "a", "Publish"]));
        Assert.Contains("takes one value but got 2", e.Message);
    }

    [Fact]
    public void An_unknown_key_in_the_parameters_file_names_the_file()
    {
        var path = root.Write(".nuke/parameters.json", """{ "Registri": "x" }""");
        var e = Assert.Throws<UsageException>(() => Bind([]));
        Assert.Contains(path, e.Message);
        Assert.Contains("Did you mean \"Registry\"?", e.Message);
    }

    [Fact]
    public void A_missing_profile_file_is_a_usage_error_naming_the_file()
    {
        var e = Assert.Throws<UsageException>(() => Bind(["--profile", "nope"]));
        Assert.Contains("parameters.nope.json", e.Message);
    }

    [Fact]
    public void Environment_and_cli_spellings_are_derived_from_the_name()
    {
        var failFast = ParameterDescriptor.Discover(typeof(Build)).Single(p => p.Name == "FailFast");
        Assert.Equal("--fail-fast", failFast.CliName);
        Assert.Equal("FAIL_FAST", failFast.EnvironmentName);
        Assert.Equal("IO_TIMEOUT", Names.UpperSnake("IOTimeout"));
    }

    [Fact]
    public void The_root_is_the_nearest_folder_with_nuke_unless_root_is_given()
    {
        var nested = Directory.CreateDirectory(Path.Combine(root.Path, "a", "b")).FullName;
        Assert.Equal(root.Path, RootDirectoryLocator.Find(nested, null));
        Assert.Equal(nested, RootDirectoryLocator.Find(root.Path, "a/b"));
        Assert.Throws<UsageException>(() => RootDirectoryLocator.Find(root.Path, "missing"));
    }

    [Fact]
    public void A_GMB_ROOT_that_names_no_folder_is_refused_rather_than_replaced_by_the_working_folder()
    {
        var nested = Directory.CreateDirectory(Path.Combine(root.Path, "a")).FullName;
        Assert.Equal(nested, RootDirectoryLocator.Find(root.Path, null, bootstrapRoot: nested));
        Assert.Equal(nested, RootDirectoryLocator.Find(root.Path, "a", bootstrapRoot: Path.Combine(root.Path, "missing")));

        var e = Assert.Throws<UsageException>(() => RootDirectoryLocator.Find(nested, null, bootstrapRoot: Path.Combine(root.Path, "missing")));

        Assert.Contains("GMB_ROOT=", e.Message);
        Assert.Contains(Path.Combine(root.Path, "missing"), e.Message);
    }
}
