using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Buildx;

/// <summary>
/// Samples/ holds rawjson streams captured from Docker 26.1.5 / buildx 0.13.1 building the generated Dockerfile of
/// the hello service: cold (after a go.mod edit), warm (the same again), compile-error, and multi-platform
/// (linux/amd64 + linux/arm64, cross-compiled), plus the metadata file of the cold build.
/// </summary>
public class RawJsonProgressTests
{
    static string[] Sample(string name) => File.ReadAllLines(DockerfilesGolden.PathOf($"Samples/{name}"));

    static IReadOnlyList<BuildStep> Counted(IReadOnlyList<BuildStep> steps) => steps.Where(s => !s.Internal).ToList();

    [Fact]
    public void A_build_after_a_go_mod_edit_reruns_everything_from_the_module_copy_on()
    {
        var steps = RawJsonProgress.Parse(Sample("cold.rawjson"));

        var counted = Counted(steps);
        Assert.Equal(8, counted.Count);
        Assert.Equal(
            ["[build 2/7]", "[build 3/7]", "[stage-1 1/2]"],
            counted.Where(s => s.Cached).Select(s => s.Name[..(s.Name.IndexOf(']') + 1)]));
        Assert.StartsWith("[build 4/7] COPY modules/", counted.First(s => !s.Cached).Name);
        Assert.All(counted, s => Assert.True(s.Duration >= TimeSpan.Zero, s.Name));
        Assert.True(counted.Single(s => s.Name.Contains("go build")).Duration > TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_multi_platform_build_counts_each_platform_step_that_BuildKit_did_not_share()
    {
        var steps = RawJsonProgress.Parse(Sample("multi-platform.rawjson"));

        var counted = Counted(steps);
        // The builder stage runs on the build platform, so only the compile (ARG TARGETOS TARGETARCH comes just
        // before it) and the runtime stage exist once per target platform.
        Assert.Equal(11, counted.Count);
        Assert.Contains(counted, s => s.Name.StartsWith("[linux/amd64->arm64 build 7/7] RUN") && !s.Cached);
        Assert.Contains(steps, s => s.Internal && s.Name.StartsWith("[linux/amd64 internal] load metadata"));
        Assert.Equal(2, counted.Count(s => s.Name.Contains("COPY --from=build /out/hello /app")));
    }

    [Fact]
    public void A_warm_build_reports_every_step_cached()
    {
        var counted = Counted(RawJsonProgress.Parse(Sample("warm.rawjson")));

        Assert.Equal(8, counted.Count);
        Assert.All(counted, s => Assert.True(s.Cached, s.Name));
    }

    [Fact]
    public void Vertices_reported_many_times_are_merged_into_one_step_each()
    {
        var steps = RawJsonProgress.Parse(Sample("cold.rawjson"));

        Assert.Equal(steps.Count, steps.Select(s => s.Digest).Distinct().Count());
        var definition = Assert.Single(steps, s => s.Name == "[internal] load build definition from Dockerfile");
        Assert.NotNull(definition.Started);
        Assert.NotNull(definition.Completed);
    }

    [Fact]
    public void Internal_vertices_and_base_images_are_kept_but_flagged_internal()
    {
        var steps = RawJsonProgress.Parse(Sample("warm.rawjson"));

        var internals = steps.Where(s => s.Internal).Select(s => s.Name.Split(' ')[0] + " " + s.Name.Split(' ')[1]).ToList();
        Assert.Contains("[internal] load", internals);
        Assert.Contains("exporting to", internals);
        Assert.Contains("[build 1/7]", internals);
        Assert.Equal(6, internals.Count);
    }

    [Fact]
    public void Steps_come_in_Dockerfile_order_whatever_order_BuildKit_announced_them()
    {
        var counted = Counted(RawJsonProgress.Parse(Sample("cold.rawjson")));

        Assert.Equal(
            ["[build 2/7]", "[build 3/7]", "[build 4/7]", "[build 5/7]", "[build 6/7]", "[build 7/7]", "[stage-1 1/2]", "[stage-1 2/2]"],
            counted.Select(s => s.Name[..s.Name.IndexOf(']')] + "]"));
    }

    [Fact]
    public void A_compile_error_fails_the_build_step_and_its_output_reaches_the_readable_log()
    {
        var progress = new RawJsonProgress();
        var log = Sample("compile-error.rawjson").SelectMany(progress.Feed).Concat(progress.Flush()).ToList();

        var failed = Assert.Single(progress.Steps, s => s.Failed);
        Assert.StartsWith("[build 7/7] RUN", failed.Name);
        Assert.Contains("exit code: 1", failed.Error);
        Assert.Contains(log, l => l.EndsWith("./main.go:3:15: undefined: undefinedThing"));
        Assert.Contains(log, l => l.StartsWith("ERROR: failed to solve:"));
        Assert.Contains(log, l => l.Contains("ERROR: process \"/bin/sh -c cd services/hello"));
        Assert.All(Counted(progress.Steps).Where(s => s.Name.StartsWith("[stage-1")), s => Assert.Null(s.Completed));
    }

    [Fact]
    public void The_readable_log_numbers_vertices_and_marks_them_cached_or_done()
    {
        var progress = new RawJsonProgress();
        var log = Sample("warm.rawjson").SelectMany(progress.Feed).ToList();

        Assert.Contains("#1 [internal] load build definition from Dockerfile", log);
        Assert.Contains(log, l => l.StartsWith("#1 DONE "));
        Assert.Equal(8, log.Count(l => l.EndsWith(" CACHED")));
        Assert.DoesNotContain(log, l => l.Contains("\"vertexes\""));
    }

    [Fact]
    public void Objects_on_single_lines_and_plain_lines_are_read_too()
    {
        var progress = new RawJsonProgress();
        var log = new[]
        {
            "#0 building with \"default\" instance using docker driver",
            """{"vertexes":[{"digest":"sha256:a","name":"[build 2/3] RUN echo {","started":"2024-01-01T00:00:00.5Z"}]}""",
            """{"vertexes":[{"digest":"sha256:a","name":"[build 2/3] RUN echo {","started":"2024-01-01T00:00:00.5Z","completed":"2024-01-01T00:00:02Z"}],""",
            """ "logs":[{"vertex":"sha256:a","stream":1,"data":"aGkK"}]}""",
        }.SelectMany(progress.Feed).ToList();

        Assert.Equal("#0 building with \"default\" instance using docker driver", log[0]);
        Assert.Contains("#1 hi", log);
        var step = Assert.Single(progress.Steps);
        Assert.Equal(TimeSpan.FromSeconds(1.5), step.Duration);
        Assert.False(step.Internal);
    }

    [Fact]
    public void A_vertex_of_a_concurrent_build_merged_into_this_one_is_not_an_extra_step()
    {
        // Seen building hello and other side by side: other's stream also carried hello's identical passwd copy.
        const string copy = "[stage-1 1/2] COPY --from=build /out/passwd /out/group /etc/";
        var steps = RawJsonProgress.Parse(
        [
            $$"""{"vertexes":[{"digest":"sha256:own","name":"{{copy}}","started":"2024-01-01T00:00:02Z","completed":"2024-01-01T00:00:02Z","cached":true}]}""",
            $$"""{"vertexes":[{"digest":"sha256:twin","name":"{{copy}}","started":"2024-01-01T00:00:01Z","completed":"2024-01-01T00:00:03Z"}]}""",
        ]);

        var step = Assert.Single(steps);
        Assert.Equal("sha256:own", step.Digest);
        Assert.False(step.Cached);
        Assert.Equal(TimeSpan.FromSeconds(2), step.Duration);
    }

    [Theory]
    [InlineData("[build 3/7] RUN go build", true)]
    [InlineData("[stage-1 2/2] COPY --from=build /out/hello /app", true)]
    [InlineData("[linux/arm64 build 3/7] RUN go build", true)]
    [InlineData("[build 1/7] FROM docker.io/gomonorepobuild/go:1.23", false)]
    [InlineData("[internal] load build context", false)]
    [InlineData("[internal] load metadata for docker.io/library/golang:1.23", false)]
    [InlineData("exporting to image", false)]
    public void Only_Dockerfile_instructions_other_than_FROM_count_as_steps(string name, bool counted) =>
        Assert.Equal(counted, BuildStep.IsInstruction(name));
}
