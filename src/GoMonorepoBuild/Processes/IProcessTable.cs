namespace GoMonorepoBuild.Processes;

/// <summary>The operating system's processes, as far as stopping a tree needs them (Linux: <see cref="ProcFileSystem"/>).</summary>
internal interface IProcessTable
{
    /// <summary>This process's own pid.</summary>
    int Self { get; }

    /// <summary>The process's parent and session, or null when it is gone.</summary>
    ProcessStat? Find(int pid);

    /// <summary>The process's children (of all its threads); empty when it is gone.</summary>
    IReadOnlyList<int> ChildrenOf(int pid);

    /// <summary>Sends a signal; a process that is gone is no error.</summary>
    void Signal(int pid, ProcessSignal signal);
}

/// <summary>The two signals a tree kill sends: freeze first (a stopped process starts no more children), then kill.</summary>
internal enum ProcessSignal
{
    Stop,
    Kill,
}
