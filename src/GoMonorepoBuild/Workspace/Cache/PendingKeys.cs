namespace GoMonorepoBuild.Workspace.Cache;

/// <summary>
/// Keys still being read (git answers while the loader walks the tree and reads the module files): the first file
/// looked up waits for them. Keys that could not be read (a failure, a cancellation) know nothing, so every file is read.
/// </summary>
internal sealed class PendingKeys(Task<IContentKeys> keys, IContentKeys fallback) : IContentKeys
{
    IContentKeys Keys => keys.IsCompletedSuccessfully ? keys.Result : Wait();

    IContentKeys Wait()
    {
        try
        {
            return keys.GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // Any failure to learn the keys only costs reading the files: the load itself reports its own errors.
            return fallback;
        }
    }

    public string? FileId(string path) => Keys.FileId(path);

    public IReadOnlyList<ContentEntry>? Listing(string dir) => Keys.Listing(dir);

    public string IdOf(ReadOnlySpan<byte> content) => Keys.IdOf(content);
}
