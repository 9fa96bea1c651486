using System.Security.Cryptography;
using System.Text;

namespace GoMonorepoBuild.Inputs;

/// <summary>
/// Git's id of a file's content (SHA-1 of "blob &lt;length&gt;\0" + content). Used as the content digest of every
/// image input, so a digest read from git's index and one computed from the file are the same value.
/// </summary>
public static class GitBlobId
{
    public static string Of(ReadOnlySpan<byte> content)
    {
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha1.AppendData(Encoding.ASCII.GetBytes($"blob {content.Length}\0"));
        sha1.AppendData(content);
        return Convert.ToHexStringLower(sha1.GetHashAndReset());
    }

    public static string OfFile(string path) => Of(File.ReadAllBytes(path));
}
