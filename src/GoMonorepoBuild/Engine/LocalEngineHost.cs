using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Engine;

/// <summary>The real machine: docker CLI probes, /proc, the private apt and a detached dockerd.</summary>
internal sealed class LocalEngineHost : IEngineHost
{
    /// <summary>trixie's engine runs on bookworm; runc comes from bookworm itself, docker-init (tini) from trixie.</summary>
    static readonly DebianPackage[] EnginePackages =
    [
        new("docker.io", "trixie"), new("docker-cli", "trixie"), new("containerd", "trixie"),
        new("docker-buildx", "trixie"), new("tini", "trixie"), new("runc", "bookworm"),
    ];

    // BuildKit's default keeps 10% of the disk (25 GB on a 252 GB disk); dockerd loads every kept record before it
    // answers, and a day of builds kept 3,926 leases there, past its start deadline (see OverloadedBuildCache).
    const string DaemonConfigJson =
        """{ "features": { "containerd-snapshotter": true }, "builder": { "gc": { "enabled": true, "defaultKeepStorage": "8GB" } } }""";

    public HostSystem System { get; } = HostSystem.Detect();

    public string DockerCli(EngineLayout layout) =>
        ExecutableSearch.Find("docker") is not null || !File.Exists(layout.PrivateDockerCli) ? "docker" : layout.PrivateDockerCli;

    public async Task<EngineAnswer> AskAsync(DockerEnvironment engine, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            // The engine over its API (no process; one bare request on its socket, see Api.EnginePing); buildx by its plugin file, asking the CLI only where that is not found (every run pays this
            // probe, and each CLI answer costs a process start or two).
            // A ping where the engine has a socket (the probe needs no version: see EnginePing.ApiVersionAsync).
            var version = Api.EngineEndpoint.Of(engine) is { } endpoint
                ? await Api.EnginePing.ApiVersionAsync(endpoint, engine.Describe(), deadline.Token)
                : (await engine.Api().VersionAsync(deadline.Token)).Version;
            if (version.Length == 0)
                return EngineAnswer.No("the engine answers without a version");
            if (BuildxPlugin.Find(engine) is not null && ExecutableSearch.Find(engine.DockerCli) is not null)
                return EngineAnswer.Yes;
            var buildx = await engine.Docker().TryRunAsync(["buildx", "version"], deadline.Token);
            return buildx.ExitCode == 0
                ? EngineAnswer.Yes
                : EngineAnswer.No($"the engine answers but 'docker buildx version' fails (no buildx plugin in DOCKER_CONFIG/cli-plugins?): {FirstLines(buildx.StandardError)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return EngineAnswer.No($"no answer within {timeout.TotalSeconds:0} s");
        }
        catch (Api.EngineApiException e)
        {
            return EngineAnswer.No(e.Message);
        }
        catch (ProcessFailedException e)
        {
            return EngineAnswer.No(e.Message);
        }
    }

    public bool IsRunning(int pid, string name)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim() == name;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public async Task InstallAsync(EngineLayout layout, string packageCache, CancellationToken cancellationToken)
    {
        var apt = new PrivateApt(packageCache);
        var debs = await apt.DownloadAsync(EnginePackages, cancellationToken);
        await apt.UnpackAsync(debs, layout.Root, cancellationToken);

        Directory.CreateDirectory(Path.GetDirectoryName(layout.BuildxPlugin)!);
        if (File.Exists(layout.BuildxPlugin) || new FileInfo(layout.BuildxPlugin).LinkTarget is not null)
            File.Delete(layout.BuildxPlugin);
        File.CreateSymbolicLink(layout.BuildxPlugin, layout.PackagedBuildxPlugin);
        await File.WriteAllTextAsync(layout.DaemonConfig, DaemonConfigJson, cancellationToken);
    }

    public async Task StartAsync(EngineLayout layout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(layout.DataRoot);
        Directory.CreateDirectory(layout.ExecRoot);
        // Each start gets a fresh log, so a fatal line from an earlier start is never mistaken for this one's.
        if (File.Exists(layout.Log)) File.Move(layout.Log, layout.Log + ".1", overwrite: true);
        string[] daemon =
        [
            layout.Dockerd, "--data-root", layout.DataRoot, "--exec-root", layout.ExecRoot,
            "-H", layout.DockerHost, "--pidfile", layout.PidFile, "--config-file", layout.DaemonConfig,
            // No bridge and no iptables: the private engine must not touch the host's network; builds use --network none.
            "--bridge=none", "--iptables=false", "--ip6tables=false",
        ];
        // setsid -f detaches dockerd from our session so it outlives this build; its output goes to the log, not our pipes.
        await Tool.Named("sh")
            .WithEnvironment("PATH", string.Join(':', layout.BinDirectories.Append(ProcessEnvironment.Variable("PATH") ?? "")))
            .WithEnvironment("GMB_DOCKERD_LOG", layout.Log)
            .RunAsync(["-c", "setsid -f \"$@\" >>\"$GMB_DOCKERD_LOG\" 2>&1 </dev/null", "sh", .. daemon], cancellationToken);
    }

    public async Task<int> DropLeasesAsync(EngineLayout layout, string nameSpace, DateTimeOffset moment, CancellationToken cancellationToken)
    {
        var ctr = Tool.Named(layout.Ctr);
        string[] scope = ["--address", layout.ContainerdSocket, "--namespace", nameSpace];
        var table = await ctr.RunAsync([.. scope, "leases", "ls"], cancellationToken);
        var old = LeaseTable.CreatedBefore(table.StandardOutput, moment);
        foreach (var batch in old.Chunk(200))
            await ctr.RunAsync([.. scope, "leases", "rm", .. batch], cancellationToken);
        return old.Count;
    }

    public void Terminate(int pid, bool force) => _ = kill(pid, force ? 9 : 15);

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);

    static string FirstLines(string text) => string.Join(" ", text.Trim().Split('\n').Take(3).Select(l => l.Trim()));
}
