using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Engine;

/// <summary>
/// A Go builder image made without any registry: one reproducible layer (<see cref="SingleLayerImageArchive"/>) of a small root filesystem holding busybox
/// (Debian's busybox-static) as the shell, the host's loader and libc, a local Go tree of the wanted minor version,
/// CA certificates and zoneinfo. Laid out like the official image (GOROOT /usr/local/go, GOPATH /go), so Dockerfiles
/// written for golang:&lt;v&gt;-alpine keep their cache-mount paths.
/// </summary>
internal static class OfflineGoImage
{
    public const string OriginLabel = "gomonorepobuild.origin";
    public const string SeededLabel = "gomonorepobuild.seeded";
    public const string RecipeLabel = "gomonorepobuild.recipe";

    /// <summary>Bumped whenever the image's layout or environment changes, so images seeded by an older recipe are redone.</summary>
    /// <remarks>
    /// 5: loaded from a fixed config with the layer gzip-compressed, so a push keeps the image id; 4 loaded it
    /// uncompressed (a push replaced the manifest); 3 was imported (an id per seeding).
    /// </remarks>
    public const string Recipe = "5";

    // The loader and libc a dynamically linked go binary needs, for whichever architecture this host is.
    static readonly string[] HostLibraries =
    [
        "/lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/libc.so.6",
        "/lib/ld-linux-aarch64.so.1", "/lib/aarch64-linux-gnu/libc.so.6",
    ];

    public static string Tag(string goMinorVersion) => $"gomonorepobuild/go:{goMinorVersion}";

    public static async Task<BuilderImageRef> SeedAsync(
        DockerEnvironment engine, string goMinorVersion, EngineOptions options, CancellationToken cancellationToken)
    {
        var go = await GoToolchain.EnsureAsync(goMinorVersion, options, cancellationToken);
        var version = await GoToolchain.VersionOfAsync(go, cancellationToken) ?? "go" + goMinorVersion;
        var goroot = (await Tool.Named(go).WithEnvironment("GOTOOLCHAIN", "local").RunAsync(["env", "GOROOT"], cancellationToken))
            .StandardOutput.Trim();
        var source = go.StartsWith(options.Home, StringComparison.Ordinal)
            ? $"Debian's golang-{goMinorVersion} packages"
            : $"the local Go at {goroot}";
        var origin = $"seeded offline from {source} ({version}); NOT the official golang image";
        var tag = Tag(goMinorVersion);

        var work = Path.Combine(options.Home, "tmp", $"seed-{goMinorVersion}-{Environment.ProcessId}");
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        try
        {
            var rootfs = Path.Combine(work, "rootfs");
            await BuildRootFileSystemAsync(rootfs, goroot, options, cancellationToken);
            var tarball = Path.Combine(work, "rootfs.tar");
            // Byte-reproducible: every runner seeding from the same packages gets the same layer (diff id).
            await Tool.Named("tar").RunAsync(
                ["--sort=name", "--mtime=@0", "--owner=0", "--group=0", "--numeric-owner", "-C", rootfs, "-cf", tarball, "."],
                cancellationToken);
            // Loaded, not imported: `docker import` stamps the time of day into the image config, so every runner got
            // another image id and BuildKit, which keys a build's FROM on it, shared no cache hits between them.
            var archive = new SingleLayerImageArchive(tag,
            [
                "PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                // GOTOOLCHAIN=local: a go.mod asking for a newer Go must fail clearly, not try to download one.
                "GOROOT=/usr/local/go", "GOPATH=/go", "GOTOOLCHAIN=local", "GOFLAGS=", "CGO_ENABLED=0",
            ], "/go", new Dictionary<string, string>
            {
                [SeededLabel] = "true", [RecipeLabel] = Recipe, [OriginLabel] = origin,
            });
            // Compressed before loading, with gzip -n (no name or time in the header): the engine keeps the blob as
            // loaded, so pushing the image later reuses it instead of compressing anew and replacing the manifest,
            // whose digest is the id BuildKit keys FROM on.
            await Tool.Named("gzip").RunAsync(["-n", "-6", tarball], cancellationToken);
            var image = Path.Combine(work, "image.tar");
            await archive.WriteAsync(tarball + ".gz", image, cancellationToken);
            File.Delete(tarball + ".gz");
            await engine.Docker().RunAsync(["load", "--quiet", "--input", image], cancellationToken);
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }

        var check = await engine.Docker().RunAsync(["run", "--rm", "--network", "none", tag, "go", "version"], cancellationToken);
        if (!check.StandardOutput.Contains($"go{goMinorVersion}", StringComparison.Ordinal))
            throw new EngineUnavailableException(
                $"The seeded image {tag} runs but 'go version' printed '{check.StandardOutput.Trim()}', not go{goMinorVersion}. " +
                $"Remove it (docker image rm {tag}) and run again.");
        Log.Information($"Seeded Go builder image {tag}: {origin}");
        return new BuilderImageRef(tag, Seeded: true, origin);
    }

    static async Task BuildRootFileSystemAsync(string rootfs, string goroot, EngineOptions options, CancellationToken cancellationToken)
    {
        foreach (var folder in new[] { "bin", "etc/ssl/certs", "usr/local", "usr/share", "root", "go/bin", "go/src", "tmp" })
            Directory.CreateDirectory(Path.Combine(rootfs, folder));
        // Like the official image: any user may write /tmp and GOPATH (sticky, 1777).
        if (!OperatingSystem.IsWindows())
            foreach (var shared in new[] { "tmp", "go" })
                File.SetUnixFileMode(Path.Combine(rootfs, shared), (UnixFileMode)0b1_111_111_111);

        await InstallBusyboxAsync(rootfs, options, cancellationToken);
        foreach (var library in HostLibraries.Where(File.Exists))
            await CopyAsync(library, Path.Combine(rootfs, library.TrimStart('/')), cancellationToken);
        // -L: Debian's GOROOT links src, api and misc into /usr/share; the image needs real files.
        await CopyAsync(goroot, Path.Combine(rootfs, "usr/local/go"), cancellationToken);
        foreach (var hostFile in new[] { "/etc/ssl/certs/ca-certificates.crt", "/usr/share/zoneinfo" }.Where(Path.Exists))
            await CopyAsync(hostFile, Path.Combine(rootfs, hostFile.TrimStart('/')), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(rootfs, "etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(rootfs, "etc/group"), "root:x:0:\n", cancellationToken);
    }

    static async Task InstallBusyboxAsync(string rootfs, EngineOptions options, CancellationToken cancellationToken)
    {
        var apt = new PrivateApt(options.PackageCache);
        var unpacked = Path.Combine(options.Home, "busybox");
        using (await FileLock.AcquireAsync(unpacked + ".lock", cancellationToken))
            await apt.UnpackAsync(await apt.DownloadAsync([new("busybox-static")], cancellationToken), unpacked, cancellationToken);

        var busybox = Path.Combine(rootfs, "bin", "busybox");
        // bookworm's package ships /bin/busybox, trixie's (merged /usr) /usr/bin/busybox.
        var packaged = new[] { "bin", "usr/bin" }.Select(folder => Path.Combine(unpacked, folder, "busybox")).FirstOrDefault(File.Exists)
                       ?? throw new EngineUnavailableException($"Debian's busybox-static unpacked into {unpacked} holds no busybox binary.");
        File.Copy(packaged, busybox);
        var applets = await Tool.Named(busybox).RunAsync(["--list"], cancellationToken);
        foreach (var applet in applets.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (applet != "busybox")
                File.CreateSymbolicLink(Path.Combine(rootfs, "bin", applet), "busybox");
    }

    static Task CopyAsync(string source, string destination, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        return Tool.Named("cp").RunAsync(["-aL", source, destination], cancellationToken);
    }
}
