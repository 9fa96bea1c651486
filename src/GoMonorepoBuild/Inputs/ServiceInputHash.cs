using System.Security.Cryptography;
using System.Text;

namespace GoMonorepoBuild.Inputs;

/// <summary>
/// The digest of everything that determines a service's image: each input file's content (by path), the
/// Dockerfile text, build arguments, target platforms and the builder image's identity. Paths are compared with
/// '/' separators and every list is sorted, so neither order nor the OS changes the value; a file that is not an
/// input cannot change it. Same inputs, same hash, on any machine and at any clone depth.
/// </summary>
public sealed record ServiceInputHash(string Value)
{
    /// <summary>Bumped when what goes into the hash changes, so old images are never mistaken for current ones.</summary>
    const string Version = "gomonorepobuild-inputs/v1";

    /// <summary>The image tag that carries the hash: <c>inputs-&lt;first 20 hex digits&gt;</c>.</summary>
    public string Tag => "inputs-" + Value[..20];

    /// <summary>The OCI label that records the full hash in the image.</summary>
    public const string Label = "org.gomonorepobuild.inputs";

    /// <summary>
    /// The hash of these inputs; a cancelled token stops it between files (each digest may read a file) with an
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public static ServiceInputHash Compute(
        IEnumerable<string> inputFiles, IFileDigests digests, string dockerfileText,
        IEnumerable<KeyValuePair<string, string>> buildArgs, IEnumerable<string> platforms, string builderIdentity,
        CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder(Version).Append('\n');
        text.Append("dockerfile ").Append(Sha256(dockerfileText)).Append('\n');
        text.Append("builder ").Append(builderIdentity).Append('\n');
        foreach (var platform in platforms.Order(StringComparer.Ordinal))
            text.Append("platform ").Append(platform).Append('\n');
        foreach (var (name, value) in buildArgs.OrderBy(a => a.Key, StringComparer.Ordinal))
            text.Append("arg ").Append(name).Append('=').Append(value.ReplaceLineEndings("\\n")).Append('\n');
        foreach (var file in inputFiles.Select(f => f.Replace('\\', '/')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            text.Append("file ").Append(digests.Of(file)).Append(' ').Append(file).Append('\n');
        }
        return new ServiceInputHash(Sha256(text.ToString()));
    }

    static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public override string ToString() => Value;
}
