namespace GoMonorepoBuild.Targets;

/// <summary>
/// One run at a time per build root: two runs on one checkout would build the same images, overwrite each other's
/// reports and interleave logs. The lock is an exclusive lock on <c>.nuke/temp/run.lock</c> (flock on Unix), which the
/// operating system releases when its process ends however it ends, so a lock left by a killed run never blocks the
/// next one. The owner's pid is written beside it (<c>run.pid</c>: a locked file cannot be read) so a waiting run can say whom it waits for. Another root (another checkout
/// or <c>--root</c>) has its own lock.
/// </summary>
internal sealed class RunLock : IDisposable
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    readonly FileStream _file;

    RunLock(FileStream file) => _file = file;

    public static string PathUnder(string rootDirectory) => Path.Combine(rootDirectory, ".nuke", "temp", "run.lock");

    /// <summary>Takes the lock of <paramref name="rootDirectory"/>, waiting (and saying so once, with the owner's pid) while another run holds it.</summary>
    public static async Task<RunLock> AcquireAsync(string rootDirectory, Action<string> say, CancellationToken cancellationToken)
    {
        var path = PathUnder(rootDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var told = false;
        while (true)
        {
            if (TryTake(path) is { } taken) return taken;
            if (!told)
            {
                say($"Another run (pid {Owner(path) ?? "unknown"}) is building in {rootDirectory}; waiting for it to finish " +
                    $"(Ctrl-C to give up; runs in another checkout or --root do not wait).");
                told = true;
            }
            await Task.Delay(Poll, cancellationToken);
        }
    }

    static RunLock? TryTake(string path)
    {
        try
        {
            // FileShare.None is an exclusive flock on Unix and a share-mode lock on Windows: held until the handle closes.
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            File.WriteAllText(PidFile(path), Environment.ProcessId.ToString());
            return new RunLock(file);
        }
        catch (IOException)
        {
            return null;
        }
    }

    static string? Owner(string path)
    {
        try
        {
            return File.ReadAllText(PidFile(path)).Trim() is { Length: > 0 } pid ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    static string PidFile(string lockPath) => Path.ChangeExtension(lockPath, ".pid");

    public void Dispose() => _file.Dispose();
}
