using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Changes;
using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Inputs;

namespace GoMonorepoBuild.Building;

/// <summary>
/// One service's image build as BuildChanged runs it: its tags (the commit, --tags, and the input-hash tag by which the
/// next run finds the image), build arguments from the commit, cache arguments, log and metadata files.
/// </summary>
public sealed record ServiceImageBuild(BuildxBuild Build, IReadOnlyList<string> Tags, string LogFile)
{
    /// <summary>The build of <paramref name="service"/> from <paramref name="dockerfile"/> and <paramref name="context"/>.</summary>
    public static ServiceImageBuild For(
        string service, ServiceInputHash? inputHash, string dockerfile, string context, BuildSettings settings, GitHead? head)
    {
        var imageName = ImageName.FromServiceName(service);
        var repository = ImageName.Repository(settings.Registry, service);
        var tags = ImageTags.For(repository, head?.ShortSha ?? "dev", settings.Tags, settings.Branch).ToList();
        // The input-hash tag is how the next run finds that an image for these inputs exists already.
        if (inputHash is { } hash) tags.Add($"{repository}:{hash.Tag}");
        var logFile = Path.Combine(settings.LogsDirectory, imageName + ".log");
        var (cacheFrom, cacheTo) = settings.Cache.For(imageName, repository);
        var build = new BuildxBuild(imageName, dockerfile, context)
            .WithTags(tags)
            .WithLoad(!settings.Push)
            .WithPush(settings.Push)
            .WithPlatforms(settings.Platforms.ToArray())
            .WithNetwork(settings.Network)
            .WithBuilder(settings.Builder)
            .WithCacheFrom(cacheFrom)
            .WithCacheTo(cacheTo)
            .WithLogFile(logFile)
            .WithLabels(inputHash is { } inputs ? [new(ServiceInputHash.Label, inputs.Value)] : [])
            .WithMetadataFile(Path.Combine(settings.MetadataDirectory, imageName + ".metadata.json"));
        if (head is not null)
            build = build
                .WithBuildArg("SOURCE_DATE_EPOCH", head.CommitTime.ToUnixTimeSeconds().ToString())
                .WithBuildArg("REVISION", head.Sha)
                .WithBuildArg("CREATED", head.CommitTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"));
        return new ServiceImageBuild(build, tags, logFile);
    }

    /// <summary>Why an outcome is worth another attempt (a transient engine or registry error), or null.</summary>
    public static string? TransientError(BuildOutcome outcome) =>
        outcome.Failed && TransientErrors.IsTransient(outcome.Error) ? outcome.Error : null;

    /// <summary>Keeps the failed attempt's log next to the new one (<c>&lt;image&gt;.attempt-&lt;n&gt;.log</c>) before attempt <paramref name="attempt"/>.</summary>
    public void KeepFailedAttemptLog(int attempt) =>
        File.Move(LogFile, Path.ChangeExtension(LogFile, $".attempt-{attempt - 1}.log"), overwrite: true);
}
