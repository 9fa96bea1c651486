namespace GoMonorepoBuild.Engine;

/// <summary>
/// An exclusive lock on a file, held across processes (flock under .NET on Unix), so two builds sharing a home
/// never provision, download or seed the same thing at once.
/// </summary>
internal sealed class FileLock : IDisposable
{
    static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    readonly FileStream stream;

    FileLock(FileStream stream) => this.stream = stream;

    public static async Task<FileLock> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
