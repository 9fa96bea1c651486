using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>
/// The CI targets: GenerateCi writes the configuration, and the generated jobs call GenerateGitLabChildPipeline,
/// PublishAffected and MergeReports; a build that writes its CI by hand can leave them out.
/// </summary>
public interface ICi : IMonorepoBuild
{
    Target GenerateCi => _ => GenerateCiTarget(_, Core);

    Target GenerateGitLabChildPipeline => _ => GenerateGitLabChildPipelineTarget(_, Core);

    Target PublishAffected => _ => PublishAffectedTarget(_, Core);

    Target MergeReports => _ => MergeReportsTarget(_, Core);

    /// <summary>The framework's GenerateCi, shared by this component's default and <see cref="MonorepoBuild.GenerateCi"/>.</summary>
    internal static ITargetDefinition GenerateCiTarget(ITargetDefinition _, MonorepoBuildCore build) => _
        .Description("Write the CI configuration (GitHub Actions workflow, GitLab pipeline) from this build's settings")
        .Executes(build.WriteCiConfiguration);

    /// <summary>The framework's GenerateGitLabChildPipeline, shared by this component's default and <see cref="MonorepoBuild.GenerateGitLabChildPipeline"/>.</summary>
    internal static ITargetDefinition GenerateGitLabChildPipelineTarget(ITargetDefinition _, MonorepoBuildCore build) => _
        .Description("Write the GitLab child pipeline (a build job per affected service) from the Affected target's output")
        .Executes(build.WriteGitLabChildPipeline);

    /// <summary>The framework's PublishAffected, shared by this component's default and <see cref="MonorepoBuild.PublishAffected"/>.</summary>
    internal static ITargetDefinition PublishAffectedTarget(ITargetDefinition _, MonorepoBuildCore build) => _
        .Description("Hand the affected services to later CI jobs: the 'matrix' and 'any' step outputs on GitHub Actions")
        .Executes(build.PublishAffectedServices);

    /// <summary>The framework's MergeReports, shared by this component's default and <see cref="MonorepoBuild.MergeReports"/>.</summary>
    internal static ITargetDefinition MergeReportsTarget(ITargetDefinition _, MonorepoBuildCore build) => _
        .Description("Merge the build reports of CI matrix jobs into one report and job summary; fails when a service failed")
        .Executes(build.MergeCiReports);
}
