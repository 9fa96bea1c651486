using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Affected;

/// <summary>The monorepo on disk, read through <see cref="MonorepoFiles"/> (so nothing outside it is ever read).</summary>
public sealed class WorkTreeSource(MonorepoFiles files) : ISourceTree
{
    public WorkTreeSource(string root) : this(new MonorepoFiles(root)) { }

    public MonorepoFiles Files => files;

    public bool Exists(string path)
    {
        try
        {
            return files.KindOfTarget(path) is EntryKind.File or EntryKind.Directory;
        }
        catch (OutsideMonorepoException)
        {
            return false; // BuildKit resolves a link inside the context only: one leading out finds nothing.
        }
    }

    public string? ReadText(string path) => files.IsFile(path) ? files.ReadAllText(path) : null;

    public IReadOnlyList<string>? Names(string path)
    {
        try
        {
            return files.List(path).Select(e => e.Name).ToList();
        }
        catch (OutsideMonorepoException)
        {
            return [];
        }
    }
}
