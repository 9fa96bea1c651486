using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Engine;

/// <summary>
/// Finds a Docker engine with buildx, or provisions GoMonorepoBuild's private one: the configured engine if it answers;
/// else our private engine if it runs; else, as root on Debian-family Linux, a freshly unpacked and started one.
/// Anywhere else it fails at once, saying what is missing.
/// </summary>
public sealed class DockerEngine
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    readonly EngineOptions options;
    readonly IEngineHost host;
    readonly EngineLayout layout;

    public DockerEngine(EngineOptions options) : this(options, new LocalEngineHost()) { }

    internal DockerEngine(EngineOptions options, IEngineHost host)
    {
        this.options = options;
        this.host = host;
        layout = new EngineLayout(options.Home);
    }

    public static Task<DockerEnvironment> EnsureAsync(EngineOptions options, CancellationToken cancellationToken) =>
        new DockerEngine(options).EnsureAsync(cancellationToken);

    public static Task<bool> StopAsync(EngineOptions options, CancellationToken cancellationToken) =>
        new DockerEngine(options).StopAsync(cancellationToken);

    public async Task<DockerEnvironment> EnsureAsync(CancellationToken cancellationToken)
    {
        string? ambientProblem = null;
        if (options.AmbientEngine is { } ambient)
        {
            var answer = await host.AskAsync(ambient, options.ProbeTimeout, cancellationToken);
            if (answer.Answers)
                return layout.Serves(ambient) ? ambient with { BuildNetwork = "none", Provisioned = true } : ambient;
            ambientProblem = $"{ambient.Describe()}: {answer.Detail}";
        }

        using var _ = await FileLock.AcquireAsync(layout.LockFile, cancellationToken);
        var running = await ReuseRunningAsync(cancellationToken);
        if (running is not null)
        {
            WarnPassedOver(ambientProblem);
            return running;
        }

        if (host.System.WhyNotProvisionable() is { } why)
            throw new EngineUnavailableException(
                "No Docker engine with buildx is available" + (ambientProblem is null ? "" : $" ({ambientProblem})") +
                $", and GoMonorepoBuild can provision its own only as root on Debian-family Linux: {why}. " +
                "Fix one of: install Docker Engine with the buildx plugin and start it; set DOCKER_HOST (and DOCKER_CONFIG, " +
                "whose cli-plugins folder holds docker-buildx) to an engine that answers; or run the build as root on Debian-family Linux " +
                $"so it can provision a private engine under {options.Home}.");

        layout.EnsureSocketPathFits();
        WarnPassedOver(ambientProblem);
        Log.Information($"Starting GoMonorepoBuild's private Docker engine under {options.Home} (installing it there first if it is not yet)");
        await host.InstallAsync(layout, options.PackageCache, cancellationToken);
        var engine = layout.Environment(host.DockerCli(layout));
        var started = await StartAsync(engine, cancellationToken);
        if (!started.Answers && OverloadedBuildCache.StoppedTheStart(LogLines()))
            started = await StartWithoutBuildCacheAsync(engine, cancellationToken);
        if (!started.Answers)
            throw new EngineUnavailableException(
                $"The private Docker engine started under {options.Home} does not answer ({started.Detail}; " +
                $"waited up to {options.StartTimeout.TotalSeconds:0} s). Its log is {layout.Log}:{Environment.NewLine}{LogTail()}");
        Log.Information($"Private Docker engine answers on {engine.DockerHost}");
        return engine;
    }

    async Task<EngineAnswer> StartAsync(DockerEnvironment engine, CancellationToken cancellationToken)
    {
        await host.StartAsync(layout, cancellationToken);
        return await WaitUntilAnswersAsync(engine, cancellationToken, stopOnExit: true);
    }

    /// <summary>
    /// The cache is ours and only a cache: clearing it costs the next builds their cache hits, where keeping it costs
    /// every start. Images live in containerd's store and stay.
    /// </summary>
    async Task<EngineAnswer> StartWithoutBuildCacheAsync(DockerEnvironment engine, CancellationToken cancellationToken)
    {
        Log.Warning(
            $"The private engine's build cache ({layout.BuildCache}) has grown past what dockerd loads before its start deadline " +
            $"(\"context deadline exceeded\" after \"Daemon has completed initialization\" in {layout.Log}, kept as {Path.GetFileName(layout.Log)}.1). Clearing it and starting " +
            "again: images are kept, the next builds start without cache hits.");
        // It printed its last line on the way out; wait until it and its containerd are gone before touching their files.
        await StopHeldAsync(cancellationToken);
        if (Directory.Exists(layout.BuildCache))
            Directory.Delete(layout.BuildCache, recursive: true);
        var restartedAt = DateTimeOffset.UtcNow;
        var started = await StartAsync(engine, cancellationToken);
        if (started.Answers)
            await ReleaseClearedSnapshotsAsync(restartedAt, cancellationToken);
        return started;
    }

    async Task ReleaseClearedSnapshotsAsync(DateTimeOffset restartedAt, CancellationToken cancellationToken)
    {
        try
        {
            var released = await host.DropLeasesAsync(layout, "moby", restartedAt, cancellationToken);
            Log.Information($"Released the {released} containerd leases of the cleared build cache; containerd removes their snapshots");
        }
        catch (Processes.ProcessFailedException e)
        {
            Log.Warning($"The engine runs, but the cleared build cache's snapshots stay on disk under {layout.DataRoot}: {e.Message}");
        }
    }

    /// <summary>Stops our private engine (never one the user configured). False if it was not running.</summary>
    public async Task<bool> StopAsync(CancellationToken cancellationToken)
    {
        using var _ = await FileLock.AcquireAsync(layout.LockFile, cancellationToken);
        return await StopHeldAsync(cancellationToken);
    }

    /// <summary>Stops dockerd and its containerd and removes their files; the caller holds the engine lock.</summary>
    async Task<bool> StopHeldAsync(CancellationToken cancellationToken)
    {
        var dockerd = RunningPid(layout.PidFile, "dockerd");
        if (dockerd is not null)
            await TerminateAsync(dockerd.Value, "dockerd", cancellationToken);
        // dockerd stops its containerd on a clean shutdown; after a kill it may not have.
        if (RunningPid(layout.ContainerdPidFile, "containerd") is { } containerd)
            await TerminateAsync(containerd, "containerd", cancellationToken);
        RemoveStaleFiles();
        return dockerd is not null;
    }

    async Task<DockerEnvironment?> ReuseRunningAsync(CancellationToken cancellationToken)
    {
        var pid = RunningPid(layout.PidFile, "dockerd");
        if (pid is null)
        {
            RemoveStaleFiles();
            return null;
        }
        var engine = layout.Environment(host.DockerCli(layout));
        var answer = await WaitUntilAnswersAsync(engine, cancellationToken);
        if (answer.Answers) return engine;
        throw new EngineUnavailableException(
            $"The private Docker engine (dockerd pid {pid}, {layout.PidFile}) runs but does not answer on {layout.Socket} " +
            $"({answer.Detail}). Stop it (kill {pid}) and run again; its log is {layout.Log}:{Environment.NewLine}{LogTail()}");
    }

    /// <summary>Someone chose the configured engine on purpose; say why it is passed over rather than switching silently.</summary>
    void WarnPassedOver(string? ambientProblem)
    {
        if (ambientProblem is not null && options.AmbientEngine?.DockerHost is not null)
            Log.Warning($"The configured engine does not answer ({ambientProblem}); using GoMonorepoBuild's private engine instead");
    }

    int? RunningPid(string pidFile, string processName)
    {
        if (!File.Exists(pidFile)) return null;
        return int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && host.IsRunning(pid, processName) ? pid : null;
    }

    /// <summary>A pid file or socket left by an engine that is gone would make the next dockerd refuse to start.</summary>
    void RemoveStaleFiles()
    {
        foreach (var stale in new[] { layout.PidFile, layout.Socket, layout.ContainerdPidFile })
            if (File.Exists(stale))
            {
                Log.Debug($"Removing stale {stale}");
                File.Delete(stale);
            }
    }

    async Task<EngineAnswer> WaitUntilAnswersAsync(DockerEnvironment engine, CancellationToken cancellationToken, bool stopOnExit = false)
    {
        var deadline = DateTime.UtcNow + options.StartTimeout;
        while (true)
        {
            var answer = await host.AskAsync(engine, options.ProbeTimeout, cancellationToken);
            if (answer.Answers || DateTime.UtcNow >= deadline) return answer;
            // A dockerd that logged a fatal error, or gave up on its build cache, has exited; waiting out the timeout would only delay the message.
            if (stopOnExit && ExitReason(LogLines()) is { } exited)
                return EngineAnswer.No(exited);
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    async Task TerminateAsync(int pid, string name, CancellationToken cancellationToken)
    {
        host.Terminate(pid, force: false);
        var deadline = DateTime.UtcNow + options.StopTimeout;
        while (host.IsRunning(pid, name))
        {
            if (DateTime.UtcNow >= deadline)
            {
                Log.Warning($"{name} (pid {pid}) did not stop within {options.StopTimeout.TotalSeconds:0} s; killing it");
                host.Terminate(pid, force: true);
                deadline = DateTime.UtcNow + options.StopTimeout;
            }
            await Task.Delay(PollInterval / 5, cancellationToken);
        }
    }

    static string? ExitReason(IReadOnlyList<string> log) =>
        log.Any(l => l.Contains("level=fatal", StringComparison.Ordinal)) ? "dockerd exited with a fatal error"
        : OverloadedBuildCache.StoppedTheStart(log) ? "dockerd exited: it could not load its build cache before its start deadline"
        : null;

    IReadOnlyList<string> LogLines() => File.Exists(layout.Log) ? File.ReadAllLines(layout.Log) : [];

    string LogTail() =>
        File.Exists(layout.Log) ? string.Join(Environment.NewLine, File.ReadLines(layout.Log).TakeLast(15)) : "(no log)";
}
