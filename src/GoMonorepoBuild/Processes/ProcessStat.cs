namespace GoMonorepoBuild.Processes;

/// <summary>What a process tree walk needs of one process: its parent and its session (from <c>/proc/&lt;pid&gt;/stat</c>).</summary>
internal readonly record struct ProcessStat(int Pid, int Parent, int Session);
