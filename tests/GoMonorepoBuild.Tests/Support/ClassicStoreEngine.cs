using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Processes;

namespace GoMonorepoBuild.Tests.Support;

/// <summary>
/// A second Docker engine with the classic image store (Docker 26's default; the project's own engine uses the
/// containerd one), started from the provisioned engine's packages in a temp folder, without bridge or iptables, and
/// stopped on dispose. Needs root and the provisioned engine (what `./build.sh EnsureEngine` installs): skipped locally
/// without them, a failure in CI.
/// </summary>
public sealed class ClassicStoreEngine : IAsyncDisposable
{
    readonly string folder;
    readonly EngineLayout provisioned = new(new EngineOptions().Home);

    ClassicStoreEngine(string folder) => this.folder = folder;

    string PidFile => Path.Combine(folder, "dockerd.pid");

    public string Log => Path.Combine(folder, "dockerd.log");

    /// <summary>The engine as runs reach it: its socket, and the provisioned docker config (buildx plugin).</summary>
    public DockerEnvironment Environment => new("unix://" + Path.Combine(folder, "docker.sock"), provisioned.DockerConfig, []);

    public static async Task<ClassicStoreEngine> StartAsync()
    {
        var layout = new EngineLayout(new EngineOptions().Home);
        var why = System.Environment.UserName != "root" ? "not root: dockerd cannot start"
            : !File.Exists(layout.Dockerd) ? $"no provisioned engine at {layout.Root} (run ./build.sh EnsureEngine)"
            : null;
        if (why is not null)
        {
            if (RealEngine.IsCi) Assert.Fail(why);
            Assert.Skip(why);
        }
        // Short: containerd's sockets sit below the exec-root, and a unix socket path holds 108 bytes.
        var engine = new ClassicStoreEngine(Directory.CreateTempSubdirectory("gmb-cl-").FullName);
        await engine.RunDockerdAsync(layout);
        return engine;
    }

    async Task RunDockerdAsync(EngineLayout layout)
    {
        var config = Path.Combine(folder, "daemon.json");
        await File.WriteAllTextAsync(config, "{}");
        string[] daemon =
        [
            layout.Dockerd, "--data-root", Path.Combine(folder, "data"), "--exec-root", Path.Combine(folder, "x"),
            "-H", Environment.DockerHost!, "--pidfile", PidFile, "--config-file", config,
            "--bridge=none", "--iptables=false", "--ip6tables=false",
        ];
        var ct = TestContext.Current.CancellationToken;
        await Tool.Named("sh")
            .WithEnvironment("PATH", string.Join(':', layout.BinDirectories.Append(System.Environment.GetEnvironmentVariable("PATH") ?? "")))
            .WithEnvironment("LOG", Log)
            .RunAsync(["-c", "setsid -f \"$@\" >>\"$LOG\" 2>&1 </dev/null", "sh", .. daemon], ct);
        for (var waited = 0; waited < 60; waited++)
        {
            var version = await Environment.Docker().TryRunAsync(["version", "--format", "{{.Server.Version}}"], ct);
            if (version.ExitCode == 0) return;
            await Task.Delay(500, ct);
        }
        Assert.Fail($"the classic-store engine did not answer within 30 s; its log:\n{(File.Exists(Log) ? File.ReadAllText(Log) : "(none)")}");
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(PidFile) && int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid))
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                // SIGTERM: dockerd then stops the containerd it started; a kill would leave that one running.
                await Tool.Named("kill").TryRunAsync(["-TERM", pid.ToString()]);
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                try { await process.WaitForExitAsync(deadline.Token); }
                catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException) { /* already gone */ }
        }
        try { Directory.Delete(folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a mount left behind: the OS's temp cleanup */ }
    }
}
