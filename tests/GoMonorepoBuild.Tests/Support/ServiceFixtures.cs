using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild.Tests.Support;

/// <summary>Services and analyses as the rules see them, for the rule tests that need no tree, git or engine.</summary>
static class ServiceFixtures
{
    public static GoService Service(string name, bool buildable = true, bool ownDockerfile = false) => new(
        name, $"services/{name}", $"example.com/services/{name}", "1.23",
        buildable ? [$"example.com/services/{name}"] : [], [], [], [$"services/{name}/main.go"], [$"services/{name}/go.mod"],
        [$"services/{name}/main.go"], [], [], ownDockerfile);

    /// <summary>An analysis that finds <paramref name="affected"/> changed through a library edit.</summary>
    public static AffectedResult Analysis(params string[] affected) => new(
        ["libs/greet/greet.go"],
        affected.Select(name => new AffectedService(name, $"services/{name}",
            [new AffectedReason(ReasonKind.DependencyChanged, "libs/greet", ["libs/greet/greet.go", "example.com/libs/greet", $"services/{name}"])])).ToList(),
        []);
}
