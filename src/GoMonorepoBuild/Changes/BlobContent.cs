using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// A blob's content from the object database. A blob a tree names but the database lacks becomes a
/// <see cref="MissingObjectsException"/> naming the file and what to do, not libgit2's "No valid git object identified
/// by …": by the time content is read a partial clone has fetched what it lacked, so only an incomplete clone gets there.
/// </summary>
internal static class BlobContent
{
    /// <summary>The bytes of <paramref name="blob"/>; <paramref name="what"/> names it for the error ("x.go at 1a2b3c4d5e6f").</summary>
    public static byte[] Bytes(Blob blob, string? repository, Func<string> what) => Read(blob, repository, what, b =>
    {
        using var content = b.GetContentStream();
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        return buffer.ToArray();
    });

    /// <summary>The text of <paramref name="blob"/> (a link's target), as <see cref="Bytes"/>.</summary>
    public static string Text(Blob blob, string? repository, Func<string> what) => Read(blob, repository, what, b => b.GetContentText());

    static T Read<T>(Blob blob, string? repository, Func<string> what, Func<Blob, T> read)
    {
        try
        {
            return read(blob);
        }
        catch (NotFoundException)
        {
            throw MissingObjectsException.NotInRepository(repository ?? "this repository", blob.Id.Sha, what());
        }
    }
}
