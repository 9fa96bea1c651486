using GoMonorepoBuild.Engine;
using NSubstitute;

namespace GoMonorepoBuild.Tests.Engine;

/// <summary>What EnsureAsync/StopAsync decide, with the machine faked: which engine is used, when it provisions, what it says.</summary>
public sealed class DockerEngineDecisionTests : IDisposable
{
    static readonly HostSystem DebianRoot = new(IsLinux: true, IsRoot: true, OsName: "Debian GNU/Linux 12 (bookworm)", IsDebianFamily: true);
    static readonly DockerEnvironment Configured = new("unix:///var/run/someone-elses.sock", null, []);

    readonly string home = Directory.CreateTempSubdirectory("gmb-unit-").FullName;
    readonly IEngineHost host = Substitute.For<IEngineHost>();
    CancellationToken Ct => TestContext.Current.CancellationToken;

    public DockerEngineDecisionTests()
    {
        host.System.Returns(DebianRoot);
        host.DockerCli(Arg.Any<EngineLayout>()).Returns("docker");
    }

    public void Dispose() => Directory.Delete(home, recursive: true);

    EngineOptions Options => new EngineOptions(home).WithAmbientEngine(Configured)
        .WithStartTimeout(TimeSpan.FromMilliseconds(300)).WithStopTimeout(TimeSpan.FromMilliseconds(300));

    EngineLayout Layout => new(home);

    void Answers(Func<DockerEnvironment, bool> which) =>
        host.AskAsync(Arg.Any<DockerEnvironment>(), Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>())
            .Returns(call => which(call.Arg<DockerEnvironment>()) ? EngineAnswer.Yes : EngineAnswer.No("connection refused"));

    void WritePidFile(int pid)
    {
        Directory.CreateDirectory(Layout.ExecRoot);
        File.WriteAllText(Layout.PidFile, pid.ToString());
    }

    [Fact]
    public async Task An_answering_configured_engine_is_used_and_nothing_is_provisioned()
    {
        Answers(engine => engine == Configured);

        var engine = await new DockerEngine(Options, host).EnsureAsync(Ct);

        Assert.Same(Configured, engine);
        Assert.False(engine.Provisioned);
        Assert.Null(engine.BuildNetwork);
        await host.DidNotReceiveWithAnyArgs().InstallAsync(default!, default!, Ct);
        await host.DidNotReceiveWithAnyArgs().StartAsync(default!, Ct);
    }

    [Fact]
    public async Task A_configured_engine_that_is_our_private_one_builds_without_a_network()
    {
        var ours = new DockerEnvironment(Layout.DockerHost, Layout.DockerConfig, []);
        Answers(_ => true);

        var engine = await new DockerEngine(Options.WithAmbientEngine(ours), host).EnsureAsync(Ct);

        Assert.True(engine.Provisioned);
        Assert.Equal("none", engine.BuildNetwork);
    }

    [Fact]
    public async Task Without_root_it_fails_at_once_saying_what_is_missing_and_how_to_fix_it()
    {
        host.System.Returns(DebianRoot with { IsRoot = false });
        Answers(_ => false);

        var e = await Assert.ThrowsAsync<EngineUnavailableException>(() => new DockerEngine(Options, host).EnsureAsync(Ct));

        Assert.Contains("not run as root", e.Message);
        Assert.Contains("DOCKER_HOST=unix:///var/run/someone-elses.sock: connection refused", e.Message);
        Assert.Contains("install Docker Engine with the buildx plugin", e.Message);
        Assert.Contains("set DOCKER_HOST", e.Message);
        Assert.Contains("run the build as root", e.Message);
        await host.DidNotReceiveWithAnyArgs().InstallAsync(default!, default!, Ct);
    }

    [Fact]
    public async Task On_a_machine_that_is_not_Debian_it_fails_at_once_naming_the_system()
    {
        host.System.Returns(DebianRoot with { OsName = "Fedora Linux 40", IsDebianFamily = false });
        Answers(_ => false);

        var e = await Assert.ThrowsAsync<EngineUnavailableException>(() => new DockerEngine(Options, host).EnsureAsync(Ct));

        Assert.Contains("Fedora Linux 40, not a Debian-family Linux", e.Message);
        await host.DidNotReceiveWithAnyArgs().StartAsync(default!, Ct);
    }

    [Fact]
    public async Task A_stale_pid_file_and_socket_are_removed_before_a_fresh_engine_starts()
    {
        WritePidFile(4242);
        File.WriteAllText(Layout.Socket, "");
        host.IsRunning(4242, "dockerd").Returns(false);
        var startedWithStaleFiles = true;
        host.When(h => h.StartAsync(Arg.Any<EngineLayout>(), Arg.Any<CancellationToken>()))
            .Do(_ => startedWithStaleFiles = File.Exists(Layout.PidFile) || File.Exists(Layout.Socket));
        Answers(engine => engine.Provisioned);

        var engine = await new DockerEngine(Options, host).EnsureAsync(Ct);

        Assert.False(startedWithStaleFiles);
        Assert.True(engine.Provisioned);
        Assert.Equal("none", engine.BuildNetwork);
        Assert.Equal(Layout.DockerHost, engine.DockerHost);
        await host.Received(1).InstallAsync(Arg.Any<EngineLayout>(), Path.Combine(home, "apt"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_running_private_engine_is_reused_without_provisioning()
    {
        WritePidFile(777);
        host.IsRunning(777, "dockerd").Returns(true);
        Answers(engine => engine.Provisioned);

        var engine = await new DockerEngine(Options, host).EnsureAsync(Ct);

        Assert.Equal(Layout.DockerHost, engine.DockerHost);
        Assert.True(File.Exists(Layout.PidFile));
        await host.DidNotReceiveWithAnyArgs().InstallAsync(default!, default!, Ct);
        await host.DidNotReceiveWithAnyArgs().StartAsync(default!, Ct);
    }

    [Fact]
    public async Task An_engine_that_starts_but_never_answers_fails_with_its_log()
    {
        Answers(_ => false);
        host.When(h => h.StartAsync(Arg.Any<EngineLayout>(), Arg.Any<CancellationToken>())).Do(_ =>
        {
            Directory.CreateDirectory(Layout.ExecRoot);
            File.WriteAllText(Layout.Log, "failed to start containerd: timeout\n");
        });

        var e = await Assert.ThrowsAsync<EngineUnavailableException>(() => new DockerEngine(Options, host).EnsureAsync(Ct));

        Assert.Contains("does not answer", e.Message);
        Assert.Contains(Layout.Log, e.Message);
        Assert.Contains("failed to start containerd: timeout", e.Message);
    }

    [Fact]
    public async Task A_dockerd_that_logs_a_fatal_error_fails_the_start_at_once()
    {
        Answers(_ => false);
        host.When(h => h.StartAsync(Arg.Any<EngineLayout>(), Arg.Any<CancellationToken>())).Do(_ =>
        {
            Directory.CreateDirectory(Layout.ExecRoot);
            File.WriteAllText(Layout.Log, "level=fatal msg=\"failed to start daemon: pid file found\"\n");
        });
        var started = DateTime.UtcNow;

        var e = await Assert.ThrowsAsync<EngineUnavailableException>(() =>
            new DockerEngine(Options.WithStartTimeout(TimeSpan.FromMinutes(1)), host).EnsureAsync(Ct));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        Assert.Contains("dockerd exited with a fatal error", e.Message);
        Assert.Contains("pid file found", e.Message);
    }

    const string BuildCacheGaveUp =
        "level=info msg=\"Daemon has completed initialization\"\nlevel=info msg=\"stopping healthcheck following graceful shutdown\"\ncontext deadline exceeded\n";

    void StartsWriting(params string[] logs)
    {
        var starts = 0;
        host.When(h => h.StartAsync(Arg.Any<EngineLayout>(), Arg.Any<CancellationToken>())).Do(_ =>
        {
            Directory.CreateDirectory(Layout.ExecRoot);
            File.WriteAllText(Layout.Log, logs[Math.Min(starts++, logs.Length - 1)]);
        });
    }

    [Fact]
    public async Task A_build_cache_too_large_to_load_is_cleared_and_the_engine_started_again_with_its_images()
    {
        var images = Path.Combine(Layout.DataRoot, "containerd", "daemon", "image-store");
        Directory.CreateDirectory(images);
        Directory.CreateDirectory(Layout.BuildCache);
        File.WriteAllText(Path.Combine(Layout.BuildCache, "cache.db"), "thousands of records");
        StartsWriting(BuildCacheGaveUp, "level=info msg=\"API listen on /run/docker.sock\"\n");
        host.AskAsync(Arg.Any<DockerEnvironment>(), Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>())
            .Returns(_ => File.Exists(Layout.Log) && File.ReadAllText(Layout.Log).Contains("API listen on") ? EngineAnswer.Yes : EngineAnswer.No("connection refused"));
        var before = DateTimeOffset.UtcNow;

        var engine = await new DockerEngine(Options.WithStartTimeout(TimeSpan.FromMinutes(1)), host).EnsureAsync(Ct);

        Assert.True(engine.Provisioned);
        Assert.False(Directory.Exists(Layout.BuildCache));
        Assert.True(Directory.Exists(images));
        await host.Received(2).StartAsync(Arg.Any<EngineLayout>(), Arg.Any<CancellationToken>());
        await host.Received(1).DropLeasesAsync(Arg.Any<EngineLayout>(), "moby", Arg.Is<DateTimeOffset>(t => t >= before), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_build_cache_that_stops_the_start_again_fails_at_once_naming_the_log()
    {
        Answers(_ => false);
        StartsWriting(BuildCacheGaveUp);
        var started = DateTime.UtcNow;

        var e = await Assert.ThrowsAsync<EngineUnavailableException>(() =>
            new DockerEngine(Options.WithStartTimeout(TimeSpan.FromMinutes(1)), host).EnsureAsync(Ct));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        Assert.Contains("could not load its build cache before its start deadline", e.Message);
        Assert.Contains(Layout.Log, e.Message);
        await host.Received(2).StartAsync(Arg.Any<EngineLayout>(), Arg.Any<CancellationToken>());
        await host.DidNotReceiveWithAnyArgs().DropLeasesAsync(default!, default!, default, Ct);
    }

    [Fact]
    public async Task An_engine_that_fails_for_another_reason_keeps_its_build_cache()
    {
        Answers(_ => false);
        Directory.CreateDirectory(Layout.BuildCache);
        StartsWriting("level=info msg=\"Daemon has completed initialization\"\nfailed to listen: address in use\n");

        await Assert.ThrowsAsync<EngineUnavailableException>(() => new DockerEngine(Options, host).EnsureAsync(Ct));

        Assert.True(Directory.Exists(Layout.BuildCache));
        await host.Received(1).StartAsync(Arg.Any<EngineLayout>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Stopping_signals_only_the_dockerd_of_this_home_and_cleans_its_files()
    {
        WritePidFile(555);
        var alive = true;
        host.IsRunning(555, "dockerd").Returns(_ => alive);
        host.When(h => h.Terminate(555, false)).Do(_ => alive = false);

        var stopped = await new DockerEngine(Options, host).StopAsync(Ct);

        Assert.True(stopped);
        host.Received(1).Terminate(555, false);
        host.DidNotReceive().Terminate(555, true);
        Assert.False(File.Exists(Layout.PidFile));
    }

    [Fact]
    public async Task A_dockerd_that_ignores_the_stop_request_is_killed()
    {
        WritePidFile(556);
        var alive = true;
        host.IsRunning(556, "dockerd").Returns(_ => alive);
        host.When(h => h.Terminate(556, true)).Do(_ => alive = false);

        Assert.True(await new DockerEngine(Options, host).StopAsync(Ct));

        host.Received(1).Terminate(556, true);
    }

    [Fact]
    public async Task Stopping_when_nothing_runs_reports_false_and_signals_nobody()
    {
        WritePidFile(999);
        host.IsRunning(999, "dockerd").Returns(false);

        Assert.False(await new DockerEngine(Options, host).StopAsync(Ct));

        host.DidNotReceiveWithAnyArgs().Terminate(default, default);
        Assert.False(File.Exists(Layout.PidFile));
    }

    [Fact]
    public void A_home_too_deep_for_unix_sockets_is_refused_with_advice()
    {
        var layout = new EngineLayout("/tmp/" + new string('x', 80));

        var e = Assert.Throws<EngineUnavailableException>(layout.EnsureSocketPathFits);

        Assert.Contains("Set GMB_HOME to a shorter folder", e.Message);
    }
}
