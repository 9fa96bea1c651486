using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>The Affected target: which services the changes reach, and why; needs no engine.</summary>
public interface IAffected : IChangeAnalysis
{
    [Parameter("Write the affected analysis to this file (see --format)")]
    string? Output { get; set; }

    [Parameter("What --output receives: json (the full analysis, default) or matrix ({\"include\":[{\"service\",\"path\"}]})")]
    AffectedFormat Format { get; set; }

    Target Affected => _ => AffectedTarget(_, Core);

    /// <summary>The framework's Affected, shared by this component's default and <see cref="MonorepoBuild.Affected"/>.</summary>
    internal static ITargetDefinition AffectedTarget(ITargetDefinition _, MonorepoBuildCore build) => _
        .Description("Work out which services the changes between --base and --head affect, and why")
        .Executes(build.ReportAffectedAsync);
}
