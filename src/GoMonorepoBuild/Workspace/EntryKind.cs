namespace GoMonorepoBuild.Workspace;

/// <summary>What a name in a folder is, without following it when it is a symbolic link (lstat, not stat).</summary>
public enum EntryKind
{
    Missing,
    File,
    Directory,
    Link,
    /// <summary>A named pipe, socket or device: never read (opening a pipe would wait for a writer).</summary>
    Irregular,
}
