using System.Runtime.InteropServices;

namespace GoMonorepoBuild.Engine;

/// <summary>What the machine is, as far as provisioning cares: only root on Debian-family Linux can get a private engine.</summary>
public sealed record HostSystem(bool IsLinux, bool IsRoot, string OsName, bool IsDebianFamily)
{
    public static HostSystem Detect()
    {
        if (!OperatingSystem.IsLinux())
            return new HostSystem(false, false, RuntimeInformation.OSDescription, false);
        var release = ReadOsRelease("/etc/os-release");
        release.TryGetValue("ID", out var id);
        release.TryGetValue("ID_LIKE", out var idLike);
        var name = release.GetValueOrDefault("PRETTY_NAME") ?? id ?? "unknown Linux";
        var debianFamily = id == "debian" || (idLike ?? "").Split(' ').Contains("debian");
        return new HostSystem(true, geteuid() == 0, name, debianFamily && ExecutableSearch.Find("apt-get") is not null
                                                                       && ExecutableSearch.Find("dpkg") is not null);
    }

    /// <summary>Why this machine cannot provision, or null when it can.</summary>
    public string? WhyNotProvisionable() =>
        !IsLinux ? $"this machine runs {OsName}, not Linux"
        : !IsDebianFamily ? $"this machine runs {OsName}, not a Debian-family Linux with apt-get and dpkg"
        : !IsRoot ? "the build does not run as root (dockerd needs root)"
        : null;

    static Dictionary<string, string> ReadOsRelease(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return values;
        foreach (var line in File.ReadAllLines(path))
        {
            var equals = line.IndexOf('=');
            if (equals <= 0) continue;
            values[line[..equals].Trim()] = line[(equals + 1)..].Trim().Trim('"');
        }
        return values;
    }

    [DllImport("libc", SetLastError = false)]
    static extern uint geteuid();
}
