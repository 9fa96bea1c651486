using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Engine;

/// <summary>
/// Chooses the image the Go builder stage starts FROM. An override must be in the engine or pullable. Otherwise
/// golang:&lt;v&gt;-alpine if the engine has it; else an image seeded earlier; else a short pull attempt; else an image
/// seeded offline from a local Go of the same minor version (see <see cref="OfflineGoImage"/>).
/// </summary>
public static class BuilderImage
{
    public static Task<BuilderImageRef> ResolveAsync(
        DockerEnvironment engine, string goMinorVersion, string? goImageOverride, CancellationToken cancellationToken) =>
        ResolveAsync(engine, goMinorVersion, goImageOverride, new EngineOptions(), cancellationToken);

    public static async Task<BuilderImageRef> ResolveAsync(
        DockerEnvironment engine, string goMinorVersion, string? goImageOverride, EngineOptions options,
        CancellationToken cancellationToken) =>
        (await ResolveInspectedAsync(engine, goMinorVersion, goImageOverride, options, cancellationToken)).Image;

    /// <summary>
    /// As <see cref="ResolveAsync(DockerEnvironment, string, string?, EngineOptions, CancellationToken)"/>, with the engine's
    /// inspection of the chosen image where resolving it asked for one (null after a pull or a seeding): its
    /// <see cref="BuilderIdentity"/> then needs no second request, one engine round trip less before a run's input hashes.
    /// </summary>
    internal static async Task<InspectedBuilder> ResolveInspectedAsync(
        DockerEnvironment engine, string goMinorVersion, string? goImageOverride, EngineOptions options,
        CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(goImageOverride))
        {
            if (await InspectAsync(engine, goImageOverride, cancellationToken) is { } overrideFacts)
                return new(new BuilderImageRef(goImageOverride, false, "the Go image override, present in the engine"), overrideFacts);
            var problem = await TryPullAsync(engine, goImageOverride, options.PullTimeout, cancellationToken);
            if (problem is null)
                return new(new BuilderImageRef(goImageOverride, false, "the Go image override, pulled"), null);
            throw new EngineUnavailableException(
                $"The Go builder image override '{goImageOverride}' is not in the engine ({engine.Describe()}) and could not be " +
                $"pulled: {problem}. Load or build it into that engine (docker load / docker build -t {goImageOverride}), " +
                $"or drop the override to use golang:{goMinorVersion}-alpine or an image seeded offline from Debian's Go.");
        }

        var official = $"golang:{goMinorVersion}-alpine";
        var seeded = OfflineGoImage.Tag(goMinorVersion);
        // Both asked at once: every run resolves its builder before deciding anything.
        var officialPresent = InspectAsync(engine, official, cancellationToken);
        var seededCurrent = SeededByCurrentRecipeAsync(engine, seeded, cancellationToken);
        if (await officialPresent is { } officialFacts)
            return new(new BuilderImageRef(official, false, "the official golang image, present in the engine"), officialFacts);

        // Checked before any pull so that, once seeded, a machine without a registry never waits on one again.
        if (await seededCurrent is { } current)
            return current;
        var outdated = await IsPresentAsync(engine, seeded, cancellationToken);

        var pullProblem = await TryPullAsync(engine, official, options.PullTimeout, cancellationToken);
        if (pullProblem is null)
            return new(new BuilderImageRef(official, false, "the official golang image, pulled"), null);

        Log.Information(outdated
            ? $"{seeded} was seeded by an older recipe and {official} cannot be pulled ({pullProblem}); seeding {seeded} again"
            : $"{official} is not in the engine and cannot be pulled ({pullProblem}); seeding {seeded} offline");
        using (await FileLock.AcquireAsync(Path.Combine(options.Home, $"seed-{goMinorVersion}.lock"), cancellationToken))
        {
            // Another build may have seeded it while we waited for the lock.
            if (await SeededByCurrentRecipeAsync(engine, seeded, cancellationToken) is { } seededMeanwhile)
                return seededMeanwhile;
            try
            {
                return new(await OfflineGoImage.SeedAsync(engine, goMinorVersion, options, cancellationToken), null);
            }
            catch (EngineUnavailableException e)
            {
                throw new EngineUnavailableException(
                    $"No Go {goMinorVersion} builder image: {official} is not in the engine ({engine.Describe()}) and cannot be pulled " +
                    $"({pullProblem}), and {seeded} could not be seeded offline. {e.Message} " +
                    $"Alternatively: docker load an image of {official} into that engine.");
            }
        }
    }

    static async Task<bool> IsPresentAsync(DockerEnvironment engine, string reference, CancellationToken cancellationToken) =>
        await InspectAsync(engine, reference, cancellationToken) is not null;

    static Task<Api.ImageFacts?> InspectAsync(DockerEnvironment engine, string reference, CancellationToken cancellationToken) =>
        engine.Api().InspectImageAsync(reference, cancellationToken);

    /// <summary>Null when pulled; otherwise why not. Bounded, because where no registry is reachable a pull may hang.</summary>
    static async Task<string?> TryPullAsync(DockerEnvironment engine, string reference, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var pull = await engine.Docker().TryRunAsync(["pull", "--quiet", reference], deadline.Token);
            return pull.ExitCode == 0 ? null : pull.StandardError.Trim().Split('\n')[^1];
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {timeout.TotalSeconds:0} s";
        }
    }

    /// <summary>The seeded image if the engine has one made by the current recipe (an older one gets re-seeded in place).</summary>
    static async Task<InspectedBuilder?> SeededByCurrentRecipeAsync(DockerEnvironment engine, string reference, CancellationToken cancellationToken)
    {
        var image = await InspectAsync(engine, reference, cancellationToken);
        return image?.Label(OfflineGoImage.RecipeLabel) == OfflineGoImage.Recipe
            ? new(new BuilderImageRef(reference, true, image.Label(OfflineGoImage.OriginLabel) ?? ""), image)
            : null;
    }
}
