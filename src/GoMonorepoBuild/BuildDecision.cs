using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild;

/// <summary>Whether BuildChanged builds a service this run, and why, in words the report shows.</summary>
public sealed record BuildDecision(GoService Service, bool Build, string Reason)
{
    /// <summary>The digest of the service's image inputs, when it has an image (see <see cref="Inputs.ServiceInputHash"/>).</summary>
    public Inputs.ServiceInputHash? InputHash { get; init; }

    /// <summary>Why git says the service changed (the affected analysis' first reason, as a chain), when it does.</summary>
    public IReadOnlyList<string> AffectedBecause { get; init; } = [];

    public static BuildDecision Selected(GoService service, string reason) => new(service, true, reason);
    public static BuildDecision Skipped(GoService service, string reason) => new(service, false, reason);
}
