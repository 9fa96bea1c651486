using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Services;
namespace GoMonorepoBuild.Dockerfiles;

/// <summary>
/// Which files of the builder a <c>scratch</c> image needs beside the binary, decided from what the service's
/// code uses, so images stay minimal without breaking at run time:
/// CA certificates when any package it builds imports a TLS-capable client or server package (net/http,
/// crypto/tls, crypto/x509, net/smtp): an HTTP server today is often an HTTPS client tomorrow, and the bundle is
/// about 215 KB. Zoneinfo when its code (a package importing <c>time</c>) calls <c>time.LoadLocation</c> and it does not embed the database
/// through <c>time/tzdata</c>; by default it is then embedded with <c>-tags timetzdata</c> (about 400 KB in the
/// binary) rather than copied as files (about 1.3 MB, 4 MB on disk). <see cref="ImageSettings"/> can force either way.
/// </summary>
public sealed record RuntimeAssets(bool CaCertificates, bool ZoneInfo)
{
    static readonly HashSet<string> TlsPackages = ["net/http", "crypto/tls", "crypto/x509", "net/smtp"];

    /// <summary>What <paramref name="service"/>'s code needs, from its standard imports and the text of its .go sources (read through <paramref name="files"/>).</summary>
    public static RuntimeAssets Of(GoService service, MonorepoFiles files) => Of(service, new LoadLocationScan(files));

    /// <summary>What <paramref name="service"/>'s code needs, its sources read through the run's <paramref name="scan"/> (each file once per run).</summary>
    public static RuntimeAssets Of(GoService service, LoadLocationScan scan) =>
        Decide(service.StdImports, () => service.SourceFiles.Where(f => f.EndsWith(".go", StringComparison.Ordinal)).Any(scan.Mentions));

    public static RuntimeAssets Decide(IReadOnlyCollection<string> stdImports, IEnumerable<string> goSourceTexts) =>
        Decide(stdImports, () => goSourceTexts.Any(MentionsLoadLocation));

    static RuntimeAssets Decide(IReadOnlyCollection<string> stdImports, Func<bool> sourcesMentionLoadLocation)
    {
        var ca = stdImports.Any(TlsPackages.Contains);
        // The scan reads the service's source files (once per run each, for its input hash); code that calls
        // time.LoadLocation imports "time", so a service whose packages do not is never scanned. (A LoadLocation of
        // another package, called without importing "time", was a guess either way: that package's own code is not scanned.)
        var zone = stdImports.Contains("time") && !stdImports.Contains("time/tzdata") && sourcesMentionLoadLocation();
        return new RuntimeAssets(ca, zone);
    }

    /// <summary>Whether a .go source's text mentions LoadLocation (the scan's one rule).</summary>
    internal static bool MentionsLoadLocation(string goSourceText) => goSourceText.Contains("LoadLocation", StringComparison.Ordinal);

    /// <summary>Includes what the service needs: the CA bundle as a file, the zone database embedded in the binary.</summary>
    public DockerfileOptions ApplyTo(DockerfileOptions options) =>
        options.WithCaCertificates(CaCertificates).WithZoneInfo(false).WithEmbeddedTimeZoneData(ZoneInfo);
}
