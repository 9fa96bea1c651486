using GoMonorepoBuild.Ci.Yaml;

namespace GoMonorepoBuild.Ci;

/// <summary>
/// The GitHub Actions workflow: <c>affected</c> computes the matrix, <c>build</c> builds each affected service on its
/// own runner (skipped when none is affected), <c>report</c> merges the per-service reports into one job summary and
/// is the single status check to require.
/// </summary>
public static class GitHubWorkflow
{
    const string ReportArtifactPrefix = "build-report-";
    const string GoCacheKeyPrefix = "go-cache-${{ runner.os }}-";

    /// <summary>GitHub runs at most this many jobs from one matrix; more fail the whole workflow before any starts.</summary>
    public const int MaxMatrixJobs = 256;

    public static string Generate(CiSettings settings) =>
        YamlEmitter.Emit(Document(settings), [CiPaths.Header]);

    static YamlMap Document(CiSettings s) => new YamlMap { Spaced = true }.With(d =>
    {
        d["name"] = "Build changed services";
        d["on"] = new YamlMap
        {
            ["pull_request"] = new YamlMap(),
            ["push"] = new YamlMap { ["branches"] = new YamlSeq { Flow = true }.With(b => b.Add(s.MainBranch)) },
        };
        // A newer push to a pull request makes its older run pointless. Runs on the main branch are never cancelled:
        // the next push diffs against its own "before" commit, so a cancelled run's services would never be built.
        d["concurrency"] = new YamlMap
        {
            ["group"] = "build-changed-${{ github.event.pull_request.number || github.ref }}",
            ["cancel-in-progress"] = "${{ github.event_name == 'pull_request' }}",
        };
        d["permissions"] = new YamlMap { ["contents"] = "read" };
        d["jobs"] = new YamlMap { Spaced = true }.With(jobs =>
        {
            jobs["affected"] = AffectedJob(s);
            jobs["build"] = BuildJob(s);
            jobs["report"] = ReportJob(s);
        });
    });

    static YamlMap AffectedJob(CiSettings s) => new()
    {
        ["name"] = "Affected services",
        ["runs-on"] = s.GitHubRunner,
        ["outputs"] = new YamlMap
        {
            ["matrix"] = "${{ steps.affected.outputs.matrix }}",
            ["any"] = "${{ steps.affected.outputs.any }}",
        },
        ["steps"] = new YamlSeq
        {
            // The affected analysis diffs the base commit against HEAD: it needs both, by default the full history.
            Uses(ActionPins.Checkout, new YamlMap { ["fetch-depth"] = s.AffectedFetchDepth }),
            SetupDotnet(),
            new YamlMap
            {
                ["name"] = "Find the affected services",
                ["id"] = "affected",
                ["run"] = Lines(
                    s.Command("Affected", "--format", "matrix", "--output", CiPaths.AffectedMatrix),
                    s.Command("PublishAffected", "--affected-json", CiPaths.AffectedMatrix)),
            },
        },
    };

    static YamlMap BuildJob(CiSettings s) => new()
    {
        ["name"] = "Build ${{ matrix.service }}",
        ["needs"] = "affected",
        ["if"] = "needs.affected.outputs.any == 'true'",
        ["runs-on"] = s.GitHubRunner,
        ["strategy"] = new YamlMap
        {
            ["fail-fast"] = false,
            ["matrix"] = "${{ fromJson(needs.affected.outputs.matrix) }}",
        },
        ["steps"] = new YamlSeq
        {
            // BuildChanged needs only HEAD (its commit time and SHA label the image).
            Uses(ActionPins.Checkout),
            SetupDotnet(),
            new YamlMap
            {
                ["name"] = "Set up Docker Buildx",
                ["id"] = "buildx",
                ["uses"] = Pinned(ActionPins.SetupBuildx),
            },
            new YamlMap
            {
                ["name"] = "Expose the cache service to buildx",
                ["uses"] = Pinned(ActionPins.GitHubRuntime),
            },
            new YamlMap
            {
                ["name"] = "Restore the Go caches",
                ["uses"] = Pinned(ActionPins.CacheRestore),
                // This service's newest, else any service's: the folder's manifest decides whether it fits.
                ["with"] = new YamlMap
                {
                    ["path"] = CiPaths.GoCache,
                    ["key"] = GoCacheKeyPrefix + "${{ matrix.service }}-${{ github.sha }}",
                    ["restore-keys"] = Lines(GoCacheKeyPrefix + "${{ matrix.service }}-", GoCacheKeyPrefix),
                },
            },
            new YamlMap
            {
                ["name"] = "Build ${{ matrix.service }}",
                // Through env, not ${{ }} in the script: a service name never becomes shell code.
                ["env"] = new YamlMap
                {
                    ["SERVICE"] = "${{ matrix.service }}",
                    ["BUILDER"] = "${{ steps.buildx.outputs.name }}",
                },
                ["run"] = Lines(s.Command("BuildChanged",
                    ["--only", "$SERVICE", "--builder", "$BUILDER", .. s.GitHubCacheArguments, "--go-cache", CiPaths.GoCache])),
            },
            new YamlMap
            {
                ["name"] = "Save the Go caches",
                // Also after a failed build (BuildChanged exports then too), but only when it exported an archive.
                ["if"] = $"always() && hashFiles('{CiPaths.GoCache}/{GoCache.GoCacheFolder.ManifestName}') != ''",
                ["uses"] = Pinned(ActionPins.CacheSave),
                ["with"] = new YamlMap
                {
                    ["path"] = CiPaths.GoCache,
                    ["key"] = GoCacheKeyPrefix + "${{ matrix.service }}-${{ github.sha }}",
                },
            },
            new YamlMap
            {
                ["name"] = "Upload the report",
                ["if"] = "always()",
                ["uses"] = Pinned(ActionPins.UploadArtifact),
                ["with"] = new YamlMap
                {
                    // The job index, not the service name: artifact names may not hold every character a name can.
                    ["name"] = ReportArtifactPrefix + "${{ strategy.job-index }}",
                    ["path"] = Lines(Reports.BuildReportJson.DefaultRelativePath, ".nuke/temp/logs/"),
                    ["if-no-files-found"] = "warn",
                    ["retention-days"] = 7,
                },
            },
        },
    };

    static YamlMap ReportJob(CiSettings s) => new()
    {
        ["name"] = "Build report",
        ["needs"] = new YamlSeq { Flow = true }.With(n => { n.Add("affected"); n.Add("build"); }),
        // Runs when builds failed or were skipped, so it can be the one required check.
        ["if"] = "always() && needs.affected.result == 'success'",
        ["runs-on"] = s.GitHubRunner,
        ["steps"] = new YamlSeq
        {
            Uses(ActionPins.Checkout),
            SetupDotnet(),
            new YamlMap
            {
                ["name"] = "Download the reports",
                ["if"] = "needs.affected.outputs.any == 'true'",
                ["uses"] = Pinned(ActionPins.DownloadArtifact),
                ["with"] = new YamlMap
                {
                    ["pattern"] = ReportArtifactPrefix + "*",
                    ["path"] = CiPaths.CollectedReports,
                },
            },
            new YamlMap
            {
                ["name"] = "Merge the reports into the job summary",
                ["env"] = new YamlMap
                {
                    ["EXPECTED"] = "${{ join(fromJson(needs.affected.outputs.matrix).include.*.service, ',') }}",
                },
                ["run"] = Lines(s.Command("MergeReports", "--reports-dir", CiPaths.CollectedReports, "--expect-services", "$EXPECTED")),
            },
        },
    };

    static YamlMap SetupDotnet() =>
        Uses(ActionPins.SetupDotnet, new YamlMap { ["global-json-file"] = "global.json" });

    static YamlMap Uses(PinnedAction action, YamlMap? with = null)
    {
        var step = new YamlMap { ["uses"] = Pinned(action) };
        if (with is not null) step["with"] = with;
        return step;
    }

    static YamlScalar Pinned(PinnedAction action) => new YamlScalar(action.Uses).WithComment(action.Version);

    static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";
}
