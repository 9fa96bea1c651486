using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Engine;

/// <summary>
/// A container registry on loopback (Debian's docker-registry, storage under the state home) for pushed images and
/// <c>--cache-to type=registry</c> where no other registry is reachable. Engines treat 127.0.0.1 registries as insecure
/// by default, so plain HTTP needs no engine configuration.
/// </summary>
public sealed record LocalRegistry(string Address, bool Provisioned)
{
    public const int DefaultPort = 5000;
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(300);

    /// <summary>A reference in this registry, e.g. <c>Reference("cache/api")</c> → <c>127.0.0.1:5000/cache/api</c>.</summary>
    public string Reference(string repository) => $"{Address}/{repository}";

    /// <summary>A registry answering on 127.0.0.1:<paramref name="port"/>: one already there, or ours, started on demand.</summary>
    public static async Task<LocalRegistry> EnsureAsync(EngineOptions options, CancellationToken cancellationToken, int port = DefaultPort)
    {
        var address = $"127.0.0.1:{port}";
        var layout = new RegistryLayout(options.Home, port);
        if (await AnswersAsync(address, cancellationToken))
            return new LocalRegistry(address, Provisioned: RunningPid(layout) is not null);

        using var _ = await FileLock.AcquireAsync(layout.LockFile, cancellationToken);
        var system = HostSystem.Detect();
        if (!system.IsLinux || !system.IsDebianFamily)
            throw new EngineUnavailableException(
                $"No registry answers on {address}, and GoMonorepoBuild can start one only on Debian-family Linux ({system.OsName} is not). " +
                $"Start a registry there yourself, e.g. 'docker run -d -p {address}:5000 registry:2'.");

        var apt = new PrivateApt(options.PackageCache);
        await apt.UnpackAsync(await apt.DownloadAsync([new("docker-registry", "bookworm")], cancellationToken), layout.Root, cancellationToken);
        Directory.CreateDirectory(layout.Storage);
        await File.WriteAllTextAsync(layout.Config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {layout.Storage}
              delete:
                enabled: true
            http:
              addr: {address}
            """, cancellationToken);

        // Backgrounded in a non-interactive shell the job is no group leader, so setsid execs in place and $! is the registry.
        var started = await Tool.Named("sh").WithEnvironment("GMB_REGISTRY_LOG", layout.Log).RunAsync(
            ["-c", "setsid \"$@\" >\"$GMB_REGISTRY_LOG\" 2>&1 </dev/null & echo $!", "sh", layout.Binary, "serve", layout.Config],
            cancellationToken);
        var pid = started.StandardOutput.Trim();
        await File.WriteAllTextAsync(layout.PidFile, pid, cancellationToken);

        var deadline = DateTime.UtcNow + options.StartTimeout;
        while (!await AnswersAsync(address, cancellationToken))
        {
            // Its name may still be setsid's for a moment, so only a vanished process counts as having died.
            if (DateTime.UtcNow >= deadline || !Directory.Exists($"/proc/{pid}"))
                throw new EngineUnavailableException(
                    $"The local registry started under {layout.Directory} does not answer on {address}. Its log is {layout.Log}:" +
                    Environment.NewLine + (File.Exists(layout.Log) ? string.Join(Environment.NewLine, File.ReadLines(layout.Log).TakeLast(10)) : ""));
            await Task.Delay(PollInterval, cancellationToken);
        }
        Log.Information($"Local registry answers on {address} (storage {layout.Storage})");
        return new LocalRegistry(address, Provisioned: true);
    }

    /// <summary>Stops the registry this home started (never another one on the port). False if it was not running.</summary>
    public static async Task<bool> StopAsync(EngineOptions options, CancellationToken cancellationToken, int port = DefaultPort)
    {
        var layout = new RegistryLayout(options.Home, port);
        using var _ = await FileLock.AcquireAsync(layout.LockFile, cancellationToken);
        var pid = RunningPid(layout);
        if (pid is not null)
        {
            var host = new LocalEngineHost();
            host.Terminate(pid.Value, force: false);
            var deadline = DateTime.UtcNow + options.StopTimeout;
            while (host.IsRunning(pid.Value, RegistryLayout.ProcessName))
            {
                if (DateTime.UtcNow >= deadline) host.Terminate(pid.Value, force: true);
                await Task.Delay(PollInterval, cancellationToken);
            }
        }
        File.Delete(layout.PidFile);
        return pid is not null;
    }

    static int? RunningPid(RegistryLayout layout) =>
        File.Exists(layout.PidFile) && int.TryParse(File.ReadAllText(layout.PidFile).Trim(), out var pid)
                                    && new LocalEngineHost().IsRunning(pid, RegistryLayout.ProcessName)
            ? pid
            : null;

    static async Task<bool> AnswersAsync(string address, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await http.GetAsync($"http://{address}/v2/", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
