namespace GoMonorepoBuild.Engine;

/// <summary>Where the private engine's files live under the state home.</summary>
internal sealed record EngineLayout(string Home)
{
    // sun_path holds 108 bytes; containerd's sockets sit two levels below the exec-root, so leave room for them.
    const int MaxSocketPath = 80;

    public string Root => Path.Combine(Home, "engine", "root");
    public string DataRoot => Path.Combine(Home, "engine", "data");
    public string DaemonConfig => Path.Combine(Home, "engine", "daemon.json");
    public string ExecRoot => Path.Combine(Home, "run");
    public string Socket => Path.Combine(ExecRoot, "docker.sock");
    public string PidFile => Path.Combine(ExecRoot, "dockerd.pid");
    public string ContainerdPidFile => Path.Combine(ExecRoot, "containerd", "containerd.pid");
    public string ContainerdSocket => Path.Combine(ExecRoot, "containerd", "containerd.sock");
    /// <summary>BuildKit's cache index and history inside dockerd's data root.</summary>
    public string BuildCache => Path.Combine(DataRoot, "buildkit");
    public string Log => Path.Combine(ExecRoot, "dockerd.log");
    public string DockerConfig => Path.Combine(Home, "docker-config");
    public string BuildxPlugin => Path.Combine(DockerConfig, "cli-plugins", "docker-buildx");
    public string LockFile => Path.Combine(Home, "engine.lock");
    public string Dockerd => Path.Combine(Root, "usr", "sbin", "dockerd");
    public string PrivateDockerCli => Path.Combine(Root, "usr", "bin", "docker");
    public string Ctr => Path.Combine(Root, "usr", "bin", "ctr");
    public string PackagedBuildxPlugin => Path.Combine(Root, "usr", "libexec", "docker", "cli-plugins", "docker-buildx");
    public IReadOnlyList<string> BinDirectories => [Path.Combine(Root, "usr", "bin"), Path.Combine(Root, "usr", "sbin")];

    public string DockerHost => "unix://" + Socket;

    /// <summary>The private engine as clients reach it; its bridge is off, so builds run with network "none".</summary>
    public DockerEnvironment Environment(string dockerCli) =>
        new DockerEnvironment(DockerHost, DockerConfig, []) { BuildNetwork = "none", Provisioned = true, DockerCli = dockerCli };

    public bool Serves(DockerEnvironment engine) => string.Equals(engine.DockerHost, DockerHost, StringComparison.Ordinal);

    public void EnsureSocketPathFits()
    {
        var longest = Path.Combine(ExecRoot, "containerd", "containerd.sock.ttrpc");
        if (longest.Length > MaxSocketPath)
            throw new EngineUnavailableException(
                $"The state home '{Home}' is too deep for the engine's unix sockets ('{longest}' is {longest.Length} characters; " +
                $"at most {MaxSocketPath} fit). Set GMB_HOME to a shorter folder, e.g. /var/tmp/gmb.");
    }
}
