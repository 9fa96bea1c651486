namespace GoMonorepoBuild.Engine;

/// <summary>The machine-facing side of <see cref="DockerEngine"/>: probing engines, processes, installing and starting dockerd.</summary>
internal interface IEngineHost
{
    HostSystem System { get; }

    /// <summary>The docker CLI to use with the private engine (PATH's, else the unpacked one).</summary>
    string DockerCli(EngineLayout layout);

    Task<EngineAnswer> AskAsync(DockerEnvironment engine, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>True if <paramref name="pid"/> is a live process named <paramref name="name"/> (a recycled pid is not).</summary>
    bool IsRunning(int pid, string name);

    Task InstallAsync(EngineLayout layout, string packageCache, CancellationToken cancellationToken);

    Task StartAsync(EngineLayout layout, CancellationToken cancellationToken);

    /// <summary>Removes the leases in containerd <paramref name="nameSpace"/> created before <paramref name="moment"/>; how many.</summary>
    Task<int> DropLeasesAsync(EngineLayout layout, string nameSpace, DateTimeOffset moment, CancellationToken cancellationToken);

    /// <summary>Asks the process to stop (SIGTERM), or kills it (SIGKILL) when <paramref name="force"/>.</summary>
    void Terminate(int pid, bool force);
}
