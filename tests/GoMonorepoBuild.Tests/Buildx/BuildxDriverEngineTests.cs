using System.Diagnostics;
using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Buildx;

/// <summary>
/// Generate, stage and build the tiny hello monorepo on a real BuildKit engine (timings in NOTES.md).
/// </summary>
public sealed class BuildxDriverEngineTests : IAsyncDisposable
{
    readonly DockerEnvironment _engine = RealEngine.Require();
    readonly BuildxHelloMonorepo _repo = new();
    readonly List<string> _tags = [];

    BuildxDockerCli Docker => new(_engine);

    static DockerfileOptions Options => DockerfileOptions.Default.WithBuilderImage(BuildxTestSettings.GoImage);

    Task<BuildOutcome> BuildHelloAsync(string tag) => BuildAsync(_repo.Hello, tag);

    async Task<BuildOutcome> BuildAsync(ServiceBuildInput service, string tag,
        DockerfileOptions? options = null, Func<BuildxBuild, BuildxBuild>? customize = null)
    {
        var generated = ServiceGenerator.Generate(_repo.Root, service, options ?? Options, _repo.OutDir);
        var build = (customize ?? (b => b))(new BuildxBuild(generated.Name, generated.DockerfilePath, generated.ContextDir))
            .WithTag(tag)
            .WithLoad()
            .WithNetwork(BuildxTestSettings.Network)
            .WithLogFile(Path.Combine(_repo.OutDir, "logs", $"{service.Name}.log"));
        var outcome = await new BuildxDriver(_engine).BuildAsync(build, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{tag}: {(outcome.Succeeded ? "ok" : "FAILED")} in {outcome.Duration.TotalSeconds:0.00}s, " +
            $"{outcome.CachedSteps}/{outcome.TotalSteps} cached, size {outcome.ImageSize}");
        return outcome;
    }

    string NewTag()
    {
        var tag = BuildxDockerCli.UniqueTag("hello");
        _tags.Add(tag);
        return tag;
    }

    static string Explain(BuildOutcome outcome) =>
        string.Join('\n', outcome.Steps.Select(s => $"{(s.Internal ? "internal" : s.Cached ? "CACHED" : "ran")}: {s.Name}"))
        + "\n--- log tail ---\n" + outcome.LogTail;

    [Fact]
    public async Task A_service_builds_into_a_small_non_root_image_that_passes_its_healthcheck()
    {
        var tag = NewTag();

        var outcome = await BuildHelloAsync(tag);

        Assert.True(outcome.Succeeded, outcome.Error + "\n" + outcome.LogTail);
        Assert.True(outcome.RunSteps > 0, Explain(outcome));
        Assert.StartsWith("sha256:", outcome.Metadata.ImageDigest);
        Assert.Contains(tag, outcome.Metadata.ImageName);
        Assert.InRange(outcome.ImageSize ?? -1, 1, 10 * 1024 * 1024);
        Assert.True(File.Exists(Path.Combine(_repo.OutDir, "logs", "hello.log")));

        var health = await Docker.RunAsync("run", "--rm", "--network", "none", tag, "-healthcheck");
        Assert.True(health.ExitCode == 0, health.StandardError);
        var greeting = await Docker.RunAsync("run", "--rm", "--network", "none", tag);
        Assert.Equal($"hello, world {_repo.Salt}", greeting.StandardOutput.Trim());
        var user = await Docker.RunAsync("image", "inspect", "--format", "{{.Config.User}}", tag);
        Assert.Equal("65532:65532", user.StandardOutput.Trim());
    }

    [Fact]
    public async Task A_second_build_of_an_unchanged_service_is_fully_cached()
    {
        var first = await BuildHelloAsync(NewTag());
        Assert.True(first.Succeeded, first.LogTail);
        Assert.True(first.RunSteps > 0, Explain(first));

        var second = await BuildHelloAsync(NewTag());

        Assert.True(second.FullyCached, Explain(second));
        Assert.Equal(first.TotalSteps, second.TotalSteps);
        Assert.Equal(first.Metadata.ImageDigest, second.Metadata.ImageDigest);
    }

    [Fact]
    public async Task Editing_files_outside_the_service_inputs_keeps_every_step_cached()
    {
        var first = await BuildHelloAsync(NewTag());
        Assert.True(first.Succeeded, first.LogTail);

        _repo.Write("README.md", "# edited\n");
        _repo.Write("services/hello/main_test.go", "package main\n\nimport \"testing\"\n\nfunc TestMore(t *testing.T) {}\n");
        _repo.Write("services/other/main.go", "package main\n\nfunc main() { println(1) }\n");
        var second = await BuildHelloAsync(NewTag());

        Assert.True(second.FullyCached, Explain(second));
    }

    [Fact]
    public async Task Editing_a_service_source_reruns_only_the_copy_and_compile_steps()
    {
        var first = await BuildHelloAsync(NewTag());
        Assert.True(first.Succeeded, first.LogTail);

        _repo.Write("libs/greet/greet.go", "package greet\n\nfunc Hello(name string) string { return \"hi, \" + name }\n");
        var second = await BuildHelloAsync(NewTag());

        Assert.True(second.Succeeded, second.LogTail);
        var ran = second.CountedSteps.Where(s => !s.Cached).Select(s => s.Name).ToList();
        Assert.StartsWith("[build 6/7] COPY sources/", second.FirstMissedStep?.Name);
        Assert.DoesNotContain(ran, n => n.Contains("go mod download"));
    }

    [Fact]
    public async Task A_compile_error_is_a_failed_outcome_with_the_compiler_message_in_the_log_tail()
    {
        _repo.Write("services/hello/main.go", "package main\n\nfunc main() { undefinedThing() }\n");

        var outcome = await BuildHelloAsync(NewTag());

        Assert.True(outcome.Failed);
        Assert.Contains("undefined: undefinedThing", outcome.LogTail);
        Assert.Contains("did not complete successfully", outcome.Error);
        Assert.Equal("./main.go:3:15: undefined: undefinedThing", outcome.GoError);
        Assert.Contains(outcome.Steps, s => s.Failed && s.Name.Contains("go build"));
        Assert.Contains("undefined: undefinedThing", await File.ReadAllTextAsync(Path.Combine(_repo.OutDir, "logs", "hello.log"),
            TestContext.Current.CancellationToken));
        Assert.Null(outcome.ImageSize);
    }

    [Fact]
    public async Task A_cmd_layout_service_gets_zoneinfo_certificates_ldflags_and_version_labels_when_asked()
    {
        var tag = BuildxDockerCli.UniqueTag("clock");
        _tags.Add(tag);
        var options = Options.WithZoneInfo().WithCaCertificates().WithMetadataLabels().WithExtraLdFlags("-X main.version=1.2.3");

        var outcome = await BuildAsync(_repo.Clock, tag, options, b => b.WithBuildArg("VERSION", "1.2.3").WithBuildArg("REVISION", "abc123"));

        Assert.True(outcome.Succeeded, outcome.LogTail);
        var run = await Docker.RunAsync("run", "--rm", "--network", "none", tag);
        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
        Assert.Equal("clock 1.2.3", run.StandardOutput.Trim());
        var labels = await Docker.RunAsync("image", "inspect", "--format",
            "{{index .Config.Labels \"org.opencontainers.image.title\"}} {{index .Config.Labels \"org.opencontainers.image.version\"}} {{index .Config.Labels \"org.opencontainers.image.revision\"}}", tag);
        Assert.Equal("clock 1.2.3 abc123", labels.StandardOutput.Trim());
    }

    [Fact]
    public async Task Two_services_build_at_the_same_time_sharing_the_Go_caches()
    {
        var hello = BuildAsync(_repo.Hello, NewTag());
        var otherTag = BuildxDockerCli.UniqueTag("other");
        _tags.Add(otherTag);
        var other = BuildAsync(_repo.Other, otherTag);

        var outcomes = await Task.WhenAll(hello, other);

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Service + ": " + o.LogTail));
        Assert.All(outcomes, o => Assert.True(o.TotalSteps == 8, Explain(o)));
        var greeting = await Docker.RunAsync("run", "--rm", "--network", "none", otherTag);
        Assert.Equal(_repo.Salt, greeting.StandardError.Trim());
    }

    [Fact]
    public async Task Cancelling_a_build_stops_buildx_and_throws()
    {
        var salt = Guid.NewGuid().ToString("N");
        var context = Path.Combine(_repo.OutDir, "slow");
        Directory.CreateDirectory(context);
        var dockerfile = Path.Combine(context, "Dockerfile");
        await File.WriteAllTextAsync(dockerfile, $"FROM {BuildxTestSettings.GoImage}\nRUN sleep 120 && echo {salt}\n",
            TestContext.Current.CancellationToken);
        var build = new BuildxBuild("slow", dockerfile, context).WithNetwork(BuildxTestSettings.Network);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var building = new BuildxDriver(_engine).BuildAsync(build, cancellation.Token);
        var started = Stopwatch.StartNew();
        while (!ProcessRunningWith(salt) && started.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.True(ProcessRunningWith(salt), "the slow RUN step never started");
        var clock = Stopwatch.StartNew();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => building);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        // The process tree is killed at once; on a loaded machine its /proc entries can take a moment to go.
        var exited = Stopwatch.StartNew();
        while (ProcessRunningWith(dockerfile) && exited.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(ProcessRunningWith(dockerfile), "docker buildx is still running 10 s after cancellation");
        // BuildKit notices the client is gone and stops the step (its process runs on this host).
        var deadline = Stopwatch.StartNew();
        while (ProcessRunningWith(salt) && deadline.Elapsed < TimeSpan.FromSeconds(20))
            await Task.Delay(250, TestContext.Current.CancellationToken);
        Assert.False(ProcessRunningWith(salt), "the cancelled build's RUN step is still running");
    }

    static bool ProcessRunningWith(string text) =>
        Directory.EnumerateDirectories("/proc").Any(dir =>
        {
            try { return File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0').Any(a => a.Contains(text)); }
            catch (IOException) { return false; }
            catch (UnauthorizedAccessException) { return false; }
        });

    public async ValueTask DisposeAsync()
    {
        await Docker.RemoveImagesAsync([.. _tags]);
        _repo.Dispose();
    }
}
