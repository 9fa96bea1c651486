using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild;

/// <summary>Whether BuildChanged builds a service this run, and why, in words the report shows.</summary>
public sealed record BuildDecision(GoService Service, bool Build, string Reason)
{
    public static BuildDecision Selected(GoService service, string reason) => new(service, true, reason);
    public static BuildDecision Skipped(GoService service, string reason) => new(service, false, reason);
}
