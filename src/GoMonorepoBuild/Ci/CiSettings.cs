using System.Collections.Immutable;

namespace GoMonorepoBuild.Ci;

/// <summary>
/// What the generated CI configuration is made from: the build's own settings (monorepo folder, service globs) plus
/// the few CI-only choices. Override <c>MonorepoBuild.CiSettings</c> to change runners, images or cache arguments.
/// </summary>
public sealed record CiSettings
{
    /// <summary>The bootstrap script every job runs, relative to the repository root.</summary>
    public string BuildScript { get; init; } = "./build.sh";

    /// <summary>Pushes to this branch build (pull requests against any branch build too).</summary>
    public string MainBranch { get; init; } = "main";

    /// <summary><c>--monorepo</c> as the jobs pass it (relative to the repository root); null when the monorepo is the root.</summary>
    public string? Monorepo { get; init; }

    /// <summary><c>--services</c> globs the jobs pass; empty leaves the build's default.</summary>
    public ImmutableList<string> ServiceGlobs { get; init; } = [];

    /// <summary>
    /// How many commits the affected job fetches (GitHub <c>fetch-depth</c>, GitLab <c>GIT_DEPTH</c>); 0, the default, is
    /// the whole history, which the diff against any pull request base needs. With a depth, the Affected target
    /// deepens the shallow clone itself when the base is older (up to its <c>--deepen-limit</c>).
    /// </summary>
    public int AffectedFetchDepth { get; init; }

    /// <summary>The GitHub runner label of every job.</summary>
    public string GitHubRunner { get; init; } = "ubuntu-latest";

    /// <summary>BuildChanged's cache arguments in a GitHub matrix job; the gha backend keeps one scope per service.</summary>
    public ImmutableList<string> GitHubCacheArguments { get; init; } = ["--cache", "gha"];

    /// <summary>The image GitLab jobs run in: it needs the .NET SDK of global.json and a Docker CLI with buildx.</summary>
    public string GitLabImage { get; init; } = "mcr.microsoft.com/dotnet/sdk:10.0";

    /// <summary>The Docker engine GitLab build jobs talk to (a service container); null when runners bring their own.</summary>
    public string? GitLabDockerService { get; init; } = "docker:27-dind";

    /// <summary>
    /// Commands a GitLab build job runs first: by default the login to the project's registry, which the registry
    /// cache reads from and writes to.
    /// </summary>
    public ImmutableList<string> GitLabBeforeScript { get; init; } =
        ["echo \"$CI_REGISTRY_PASSWORD\" | docker login --username \"$CI_REGISTRY_USER\" --password-stdin \"$CI_REGISTRY\""];

    /// <summary>BuildChanged's extra arguments in a GitLab child job: the shared registry cache next to the project's images.</summary>
    public ImmutableList<string> GitLabBuildArguments { get; init; } = ["--registry", "$CI_REGISTRY_IMAGE", "--cache", "registry"];

    public CiSettings WithMainBranch(string branch) => this with { MainBranch = branch };
    public CiSettings WithMonorepo(string? monorepo) => this with { Monorepo = monorepo };
    public CiSettings WithServiceGlobs(params IEnumerable<string> globs) => this with { ServiceGlobs = [.. globs] };
    public CiSettings WithAffectedFetchDepth(int depth) =>
        depth >= 0 ? this with { AffectedFetchDepth = depth } : throw new ArgumentOutOfRangeException(nameof(depth), depth, "0 (all history) or a positive depth");
    public CiSettings WithGitHubRunner(string runner) => this with { GitHubRunner = runner };
    public CiSettings WithGitHubCacheArguments(params IEnumerable<string> arguments) => this with { GitHubCacheArguments = [.. arguments] };
    public CiSettings WithGitLabImage(string image) => this with { GitLabImage = image };
    public CiSettings WithGitLabDockerService(string? service) => this with { GitLabDockerService = service };
    public CiSettings WithGitLabBeforeScript(params IEnumerable<string> commands) => this with { GitLabBeforeScript = [.. commands] };
    public CiSettings WithGitLabBuildArguments(params IEnumerable<string> arguments) => this with { GitLabBuildArguments = [.. arguments] };

    /// <summary>A job's command line: the build script, the target, the workspace arguments, then the target's own.</summary>
    public string Command(string target, params IEnumerable<string> arguments) =>
        ShellLine.Join([BuildScript, target, .. WorkspaceArguments, .. arguments]);

    /// <summary>The arguments every job passes so CI sees the same monorepo and services as the local build.</summary>
    public IReadOnlyList<string> WorkspaceArguments =>
    [
        .. Monorepo is null ? Array.Empty<string>() : ["--monorepo", Monorepo],
        .. ServiceGlobs.IsEmpty ? Array.Empty<string>() : ["--services", string.Join(',', ServiceGlobs)],
    ];
}
