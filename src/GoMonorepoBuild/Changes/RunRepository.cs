using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Targets;
using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// One run's git repository: discovered once, opened once on first use, and shared by every stage that reads git in the
/// run (the head the images are tagged with, the <c>{branch}</c> tag, the input digests from git's index, the affected
/// analysis: base, changes, revision copies, the clean-checkout and sparse-checkout questions) instead of each opening
/// its own. It is the only place that opens the run's repository (an architecture test holds it to that), and the work
/// tree's status, a walk of the whole tree, is taken once here and shared (<see cref="Status"/>), as is the listing of
/// the index (<see cref="Index"/>).
/// LibGit2Sharp's repository is not safe for use from several threads, and the decision steps run in parallel (the index
/// digests alongside the analysis), so every use holds this handle's lock (re-entered on the same thread): a use must
/// never wait for another thread that uses the handle.
/// </summary>
public sealed class RunRepository : IDisposable
{
    static readonly AsyncLocal<OpenCounter?> Counter = new();

    readonly Lock gate = new();
    readonly string? gitDir;
    Repository? repository;
    Configuration? config;
    WorkTreeStatus? status;
    Task<IReadOnlyCollection<string>>? gitStatus;
    Task<IndexListing?>? index;
    string? workingDirectory;
    bool disposed;
    readonly bool refreshIndex;

    RunRepository(string? gitDir, bool refreshIndex)
    {
        this.gitDir = gitDir;
        this.refreshIndex = refreshIndex;
    }

    /// <summary>
    /// The repository holding <paramref name="directory"/> (or, when it does not exist yet, its nearest existing parent);
    /// one outside any work tree has none (<see cref="Exists"/> is false).
    /// </summary>
    public static RunRepository At(string directory) => At(directory, refreshIndex: true);

    /// <summary>
    /// As <see cref="At(string)"/>; with <paramref name="refreshIndex"/> false the run never writes git's index (no
    /// <see cref="IndexRefresh"/>), as when the user set <see cref="OptionalLocks.Variable"/> false.
    /// </summary>
    public static RunRepository At(string directory, bool refreshIndex)
    {
        var existing = Path.GetFullPath(directory);
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent) existing = parent;
        return new(GitDirectoryDiscovery.Find(existing), refreshIndex);
    }

    /// <summary>Whether the directory is in a git repository at all.</summary>
    public bool Exists => gitDir is not null;

    /// <summary>The repository's git folder (<c>.git</c>, or a linked worktree's); null when there is none.</summary>
    internal string? GitDirectory => gitDir;

    /// <summary>
    /// The working directory as a real path (see <see cref="RealPath"/>, resolved once); null when there is no repository
    /// or it is bare. Once resolved it is read without the handle's lock, which a status walk holds for a while.
    /// </summary>
    internal string? WorkingDirectory =>
        Volatile.Read(ref workingDirectory) ?? Read(repo => workingDirectory ??= repo.Info.WorkingDirectory is { } dir ? RealPath.Of(dir) : null, null);

    /// <summary>Runs <paramref name="read"/> on the opened repository (opening it once); <paramref name="none"/> when there is none.</summary>
    internal T Read<T>(Func<Repository, T> read, T none) => gitDir is null ? none : Use(read);

    /// <summary>
    /// Runs <paramref name="use"/> on the opened repository (opening it once), holding the lock; LibGit2Sharp objects it
    /// meets belong to the repository and must not leave it. Throws when the directory is in no repository.
    /// </summary>
    internal T Use<T>(Func<Repository, T> use)
    {
        if (gitDir is null) throw new InvalidOperationException("The folder is not in a git repository.");
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (repository is null)
            {
                repository = new Repository(gitDir);
                Counter.Value?.Opened();
            }
            return use(repository);
        }
    }

    /// <summary>
    /// The repository's configuration: its own file over the user's and the system's (<see cref="GitConfigFiles"/>, not
    /// <c>Repository.Config</c>, which misses them under Native AOT), opened once on first use, read under the handle's
    /// lock as the repository is. Throws when the directory is in no repository.
    /// </summary>
    internal Configuration Config => Use(_ => config ??= GitConfigFiles.OfProcess().Open(gitDir!));

    /// <summary>
    /// The working tree's status, walked once per run on first use and shared: the changes (<see cref="GitChanges"/>) and
    /// the index digests both need it, and it is the only walk of the whole tree git makes. The index's stat information is
    /// refreshed first (<see cref="IndexRefresh"/>, git's own command, best effort). The token is checked before the walk
    /// (libgit2's walk itself runs to its end).
    /// </summary>
    internal WorkTreeStatus Status(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Use(repo =>
        {
            if (status is null)
            {
                // Stale stat information first written back, so the walk (which re-reads the index when it changed on
                // disk) compares stats instead of hashing every touched file, and so does the next run.
                if (refreshIndex) IndexRefresh.Run(repo, Config, cancellationToken);
                else Log.Debug($"Index refresh skipped: {OptionalLocks.Variable} is false.");
                status = WorkTreeStatus.Of(repo);
                Counter.Value?.Walked();
            }
            return status;
        });
    }

    /// <summary>
    /// The working tree's changed paths as git itself reports them (<see cref="GitStatus"/>, for a sparse checkout, which
    /// libgit2 does not understand), asked once per run on first use and shared by the changes and the not-checked-out
    /// services: <paramref name="ask"/> runs the first time only.
    /// </summary>
    internal Task<IReadOnlyCollection<string>> GitStatusPaths(Func<Task<IReadOnlyCollection<string>>> ask)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (gitStatus is null)
            {
                gitStatus = ask();
                Counter.Value?.Walked();
            }
            return gitStatus;
        }
    }

    /// <summary>
    /// The checkout's index entries (<see cref="IndexListing"/>), read once per run on first use and shared by the parse
    /// cache's keys and the clean-checkout question; null when there is no index to read (no repository, git failed).
    /// </summary>
    internal Task<IndexListing?> Index(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            // Read off the lock: reading the file is synchronous, and the run's other git readers need the handle meanwhile.
            // Not with the first asker's token: a question called off (CheckoutQuestion) would leave the run a cancelled read.
            index ??= Exists ? Task.Run(() => IndexListing.ReadAsync(this, CancellationToken.None)) : Task.FromResult<IndexListing?>(null);
            return index.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Closes the opened repository so the next use opens it again: after a fetch changed the history (deepened a shallow
    /// clone, brought a branch), so nothing cached before the fetch (the shallow boundary, refs) answers after it.
    /// </summary>
    internal void Reload()
    {
        lock (gate)
        {
            repository?.Dispose();
            repository = null;
            config?.Dispose();
            config = null;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            repository?.Dispose();
            repository = null;
            config?.Dispose();
            config = null;
        }
    }

    /// <summary>
    /// Counts the repositories opened and the status walks taken in this asynchronous flow (a test's run, and the tasks
    /// it starts) until disposed: how tests see that one run opens its repository once and walks its status once.
    /// </summary>
    internal static OpenCounter CountOpens() => Counter.Value = new OpenCounter();

    internal sealed class OpenCounter : IDisposable
    {
        int opens;
        int walks;

        /// <summary>Repositories opened.</summary>
        public int Opens => Volatile.Read(ref opens);

        /// <summary>Work-tree status walks taken (libgit2's, or git's own for a sparse checkout).</summary>
        public int StatusWalks => Volatile.Read(ref walks);

        internal void Opened() => Interlocked.Increment(ref opens);

        internal void Walked() => Interlocked.Increment(ref walks);

        public void Dispose() => Counter.Value = null;
    }
}
