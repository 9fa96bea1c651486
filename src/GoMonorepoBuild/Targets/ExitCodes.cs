namespace GoMonorepoBuild.Targets;

/// <summary>The build process's exit codes (Bullseye's convention, plus the shell's 130 for Ctrl-C).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int TargetFailed = 1;
    public const int Usage = 2;
    public const int Cancelled = 130;
}
