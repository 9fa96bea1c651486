namespace GoMonorepoBuild.Reports;

/// <summary>What happened to one service in a run. Serialised in lower case: a contract of build-report.json.</summary>
public enum ServiceStatus
{
    Built,
    Failed,
    Cancelled,
    Skipped,
}
