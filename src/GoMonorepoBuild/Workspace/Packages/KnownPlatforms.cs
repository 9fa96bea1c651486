namespace GoMonorepoBuild.Workspace.Packages;

/// <summary>The GOOS and GOARCH values the go command knows (go/build's syslist), which drive file-name and tag constraints.</summary>
internal static class KnownPlatforms
{
    private static readonly HashSet<string> Oses =
    [
        "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd",
        "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
    ];

    private static readonly HashSet<string> UnixOses =
    [
        "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux", "netbsd", "openbsd", "solaris",
    ];

    private static readonly HashSet<string> Arches =
    [
        "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle", "mips64", "mips64le",
        "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm",
    ];

    public static bool IsOs(string name) => Oses.Contains(name);

    public static bool IsArch(string name) => Arches.Contains(name);

    public static bool IsUnix(string os) => UnixOses.Contains(os);

    /// <summary>Whether a GOOS tag holds on <paramref name="os"/> (android implies linux, ios darwin, illumos solaris).</summary>
    public static bool OsMatches(string tag, string os) =>
        tag == os || tag == "linux" && os == "android" || tag == "darwin" && os == "ios" || tag == "solaris" && os == "illumos";

    /// <summary>
    /// Whether the file name's _GOOS, _GOARCH or _GOOS_GOARCH suffix (go/build's goodOSArchFile) allows the platform.
    /// </summary>
    public static bool FileNameAllows(string fileName, TargetPlatform platform)
    {
        var underscore = fileName.IndexOf('_');
        if (underscore < 0) return true;
        var name = fileName.EndsWith(".go", StringComparison.Ordinal) ? fileName[..^3] : fileName;
        if (name.EndsWith("_test", StringComparison.Ordinal)) name = name[..^5];
        underscore = name.IndexOf('_');
        if (underscore < 0) return true;
        var parts = name[underscore..].Split('_');
        var n = parts.Length;
        if (n >= 2 && IsOs(parts[n - 2]) && IsArch(parts[n - 1]))
            return OsMatches(parts[n - 2], platform.Os) && parts[n - 1] == platform.Arch;
        if (IsOs(parts[n - 1])) return OsMatches(parts[n - 1], platform.Os);
        if (IsArch(parts[n - 1])) return parts[n - 1] == platform.Arch;
        return true;
    }
}
