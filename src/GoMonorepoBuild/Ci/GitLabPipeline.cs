using GoMonorepoBuild.Ci.Yaml;

namespace GoMonorepoBuild.Ci;

/// <summary>
/// The GitLab parent pipeline: <c>affected</c> finds the affected services and writes a child pipeline with one job
/// per service (<see cref="GitLabChildPipeline"/>); <c>build</c> triggers that child and mirrors its status.
/// </summary>
public static class GitLabPipeline
{
    public static string Generate(CiSettings settings) =>
        YamlEmitter.Emit(Document(settings),
        [
            CiPaths.Header,
            "Use it as the project's CI configuration file, or include it: include: { local: " + CiPaths.GitLabPipeline + " }",
        ]);

    static YamlMap Document(CiSettings s) => new YamlMap { Spaced = true }.With(d =>
    {
        d["workflow"] = new YamlMap
        {
            ["rules"] = new YamlSeq
            {
                new YamlMap { ["if"] = "$CI_PIPELINE_SOURCE == \"merge_request_event\"" },
                new YamlMap { ["if"] = $"$CI_COMMIT_BRANCH == \"{s.MainBranch}\" && $CI_PIPELINE_SOURCE == \"push\"" },
            },
        };
        d["stages"] = new YamlSeq { Flow = true }.With(st => { st.Add("affected"); st.Add("build"); });
        d["affected"] = new YamlMap
        {
            ["stage"] = "affected",
            ["image"] = s.GitLabImage,
            // The affected analysis diffs the base commit against HEAD: it needs both, by default the full history.
            ["variables"] = new YamlMap { ["GIT_DEPTH"] = s.AffectedFetchDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["script"] = new YamlSeq
            {
                s.Command("Affected", "--format", "json", "--output", CiPaths.AffectedJson),
                s.Command("GenerateGitLabChildPipeline", "--affected-json", CiPaths.AffectedJson,
                    "--child-pipeline", CiPaths.GitLabChildPipeline),
            },
            ["artifacts"] = new YamlMap
            {
                ["paths"] = new YamlSeq { CiPaths.AffectedJson, CiPaths.GitLabChildPipeline },
                ["expire_in"] = "1 week",
            },
        };
        d["build"] = new YamlMap
        {
            ["stage"] = "build",
            ["needs"] = new YamlSeq { Flow = true }.With(n => n.Add("affected")),
            ["trigger"] = new YamlMap
            {
                ["include"] = new YamlSeq
                {
                    new YamlMap { ["artifact"] = CiPaths.GitLabChildPipeline, ["job"] = "affected" },
                },
                // The parent's status follows the child's: a failed service fails the merge request's pipeline.
                ["strategy"] = "depend",
            },
        };
    });
}
