using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// One run's git repository: discovered once, opened once on first use, and shared by the head the images are tagged
/// with, the <c>{branch}</c> tag, the input digests from git's index and the facade's questions, instead of each
/// opening its own. LibGit2Sharp's repository is not safe for use from several threads, so every use holds its lock.
/// </summary>
public sealed class RunRepository : IDisposable
{
    readonly Lock gate = new();
    readonly string? gitDir;
    Repository? repository;

    RunRepository(string? gitDir) => this.gitDir = gitDir;

    /// <summary>The repository holding <paramref name="directory"/>; one outside any work tree has none (<see cref="Exists"/> is false).</summary>
    public static RunRepository At(string directory) => new(Repository.Discover(directory));

    /// <summary>Whether the directory is in a git repository at all.</summary>
    public bool Exists => gitDir is not null;

    /// <summary>Runs <paramref name="read"/> on the opened repository (opening it once); <paramref name="none"/> when there is none.</summary>
    internal T Read<T>(Func<Repository, T> read, T none)
    {
        if (gitDir is null) return none;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return read(repository ??= new Repository(gitDir));
        }
    }

    bool disposed;

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            repository?.Dispose();
            repository = null;
        }
    }
}
