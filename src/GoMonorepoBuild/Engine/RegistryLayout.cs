namespace GoMonorepoBuild.Engine;

/// <summary>Where the local registry for one port keeps its binary, config, storage, log and pid under the state home.</summary>
internal sealed record RegistryLayout(string Home, int Port)
{
    // /proc/<pid>/comm holds at most 15 characters of the program name.
    public const string ProcessName = "docker-registry";

    public string Directory => Path.Combine(Home, "registry");
    public string Root => Path.Combine(Directory, "root");
    public string Binary => Path.Combine(Root, "usr", "bin", "docker-registry");
    public string Storage => Path.Combine(Directory, $"data-{Port}");
    public string Config => Path.Combine(Directory, $"config-{Port}.yml");
    public string Log => Path.Combine(Directory, $"registry-{Port}.log");
    public string PidFile => Path.Combine(Directory, $"registry-{Port}.pid");
    public string LockFile => Path.Combine(Directory, $"registry-{Port}.lock");
}
