using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Engine;

/// <summary>
/// apt with its own sources list, package lists and download folder, so the system's apt setup is never touched.
/// Downloads are cached: a package whose .deb is already in the folder is not fetched again.
/// </summary>
internal sealed class PrivateApt(string directory)
{
    const string Keyring = "/usr/share/keyrings/debian-archive-keyring.gpg";
    const string FallbackMirror = "http://deb.debian.org/debian";
    static readonly string[] Suites = ["trixie", "bookworm", "bookworm-backports"];

    string SourcesList => Path.Combine(directory, "sources.list");
    string Lists => Path.Combine(directory, "lists");
    string Cache => Path.Combine(directory, "cache");
    string Archives => Path.Combine(directory, "archives");

    /// <summary>The .deb files of the packages, downloading those not cached yet.</summary>
    public async Task<IReadOnlyList<string>> DownloadAsync(IReadOnlyList<DebianPackage> packages, CancellationToken cancellationToken)
    {
        using var _ = await FileLock.AcquireAsync(Path.Combine(directory, "apt.lock"), cancellationToken);
        var missing = packages.Where(p => Cached(p) is null).ToList();
        if (missing.Count > 0)
        {
            Log.Information($"Downloading {string.Join(", ", missing)} into {Archives}");
            PrepareSources();
            if (!Directory.EnumerateFiles(Lists, "*Packages*").Any())
                await UpdateAsync(cancellationToken);
            try
            {
                await FetchAsync(missing, cancellationToken);
            }
            catch (ProcessFailedException)
            {
                // The lists may predate a package's current version; refresh them once before giving up.
                await UpdateAsync(cancellationToken);
                await FetchAsync(missing, cancellationToken);
            }
        }
        return packages.Select(p => Cached(p) ?? throw new EngineUnavailableException(
            $"apt-get download of {p} into {Archives} produced no .deb file")).ToList();
    }

    /// <summary>Unpacks the packages into a fresh <paramref name="destination"/>, unless it already holds exactly these files.</summary>
    public async Task UnpackAsync(IReadOnlyList<string> debs, string destination, CancellationToken cancellationToken)
    {
        var marker = Path.Combine(destination, ".unpacked");
        var expected = string.Join('\n', debs.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        if (File.Exists(marker) && File.ReadAllText(marker) == expected) return;

        // Unpack beside the destination and swap it in, so an interrupted unpack never looks complete.
        var staging = destination + ".partial";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        foreach (var deb in debs)
            await Tool.Named("dpkg").RunAsync(["-x", deb, staging], cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(staging, ".unpacked"), expected, cancellationToken);
        if (Directory.Exists(destination)) Directory.Delete(destination, recursive: true);
        Directory.Move(staging, destination);
    }

    string? Cached(DebianPackage package) =>
        Directory.Exists(Archives) ? Directory.EnumerateFiles(Archives, package.Name + "_*.deb").Order(StringComparer.Ordinal).LastOrDefault() : null;

    void PrepareSources()
    {
        foreach (var folder in new[] { Path.Combine(Lists, "partial"), Path.Combine(Cache, "archives", "partial"), Archives })
            Directory.CreateDirectory(folder);
        if (!File.Exists(Keyring))
            throw new EngineUnavailableException(
                $"The Debian archive keyring {Keyring} is missing, so packages cannot be verified. Install it: apt-get install debian-archive-keyring.");
        var mirror = Mirror();
        File.WriteAllLines(SourcesList, Suites.Select(suite => $"deb [signed-by={Keyring}] {mirror} {suite} main"));
    }

    Task UpdateAsync(CancellationToken cancellationToken) => AptGet().RunAsync([.. Options(), "-q", "update"], cancellationToken);

    async Task FetchAsync(IReadOnlyList<DebianPackage> packages, CancellationToken cancellationToken)
    {
        // Download into a scratch folder and move whole files in, so a killed download never counts as cached.
        var scratch = Path.Combine(directory, "download." + Environment.ProcessId);
        Directory.CreateDirectory(scratch);
        try
        {
            await AptGet().WithWorkingDirectory(scratch)
                .RunAsync([.. Options(), "-q", "download", .. packages.Select(p => p.AptSpec)], cancellationToken);
            foreach (var deb in Directory.EnumerateFiles(scratch, "*.deb"))
                File.Move(deb, Path.Combine(Archives, Path.GetFileName(deb)), overwrite: true);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    static Tool AptGet() => Tool.Named("apt-get");

    IEnumerable<string> Options() =>
    [
        "-o", $"Dir::Etc::SourceList={SourcesList}",
        "-o", "Dir::Etc::SourceParts=/dev/null",
        "-o", $"Dir::State::Lists={Lists}",
        "-o", $"Dir::Cache={Cache}",
        // Our folders belong to root, so apt's unprivileged download user could not write them.
        "-o", "APT::Sandbox::User=root",
    ];

    /// <summary>The machine's Debian mirror (the URIs line of debian.sources, or a deb line), since it may be the only one reachable.</summary>
    static string Mirror()
    {
        const string deb822 = "/etc/apt/sources.list.d/debian.sources";
        if (File.Exists(deb822))
            foreach (var line in File.ReadLines(deb822))
                if (line.StartsWith("URIs:", StringComparison.Ordinal) && !line.Contains("security", StringComparison.Ordinal))
                    return line["URIs:".Length..].Trim().Split(' ')[0];
        const string classic = "/etc/apt/sources.list";
        if (File.Exists(classic))
            foreach (var line in File.ReadLines(classic))
            {
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var uri = words.Skip(1).FirstOrDefault(w => !w.StartsWith('['));
                if (words.FirstOrDefault() == "deb" && uri is not null && !uri.Contains("security", StringComparison.Ordinal))
                    return uri;
            }
        return FallbackMirror;
    }
}
