using GoMonorepoBuild.Ci;
using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>
/// The CI targets: GenerateCi writes the configuration, and the generated jobs call GenerateGitLabChildPipeline,
/// PublishAffected and MergeReports; a build that writes its CI by hand can leave them out.
/// </summary>
public interface ICi : IMonorepoBuild
{
    // Names are chosen so no CI's own variable (CI, GITHUB_WORKFLOW, ...) binds to them through the environment.
    [Parameter("Which CI configuration GenerateCi writes: github, gitlab or all (default: all)")]
    CiProvider CiProvider { get; set; }

    [Parameter("Where GenerateCi writes the GitHub Actions workflow (default: .github/workflows/build-changed.yml)", Name = "GithubWorkflowFile")]
    string? GitHubWorkflowFile { get; set; }

    [Parameter("Where GenerateCi writes the GitLab parent pipeline (default: .gitlab/build-changed.yml)", Name = "GitlabPipelineFile")]
    string? GitLabPipelineFile { get; set; }

    [Parameter("The branch whose pushes the generated CI builds (default: main)")]
    string CiMainBranch { get; set; }

    [Parameter("GenerateCi: fail when a generated file differs from what it would write, instead of writing it")]
    bool CiCheck { get; set; }

    [Parameter("The Affected target's output (--format matrix or json) that PublishAffected and GenerateGitLabChildPipeline read", Name = "AffectedJson")]
    string? AffectedJsonFile { get; set; }

    [Parameter("Where GenerateGitLabChildPipeline writes the child pipeline (default: .nuke/temp/ci/build-changed.child.yml)")]
    string? ChildPipeline { get; set; }

    [Parameter("The folder MergeReports searches for build-report.json files (default: .nuke/temp/ci/reports)")]
    string? ReportsDir { get; set; }

    [Parameter("MergeReports: services the CI matrix built; one without a report counts as failed")]
    string[] ExpectServices { get; set; }

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
