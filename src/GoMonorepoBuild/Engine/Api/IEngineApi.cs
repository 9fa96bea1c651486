namespace GoMonorepoBuild.Engine.Api;

/// <summary>
/// The questions a run asks the engine itself (not buildx): each one an API request over the engine's socket where
/// it can be reached that way (bare requests, see EngineApis), a docker CLI call where not (<see cref="DockerCliApi"/>).
/// A process per question cost 50-150 ms of start-up each on the critical path of every run.
/// </summary>
public interface IEngineApi
{
    /// <summary>The engine's version and platform; throws <see cref="EngineApiException"/> when it does not answer.</summary>
    Task<EngineVersion> VersionAsync(CancellationToken cancellationToken);

    /// <summary>The image's facts, or null when the engine holds no image of that name; any other failure throws.</summary>
    Task<ImageFacts?> InspectImageAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Gives the image <paramref name="source"/> the extra name <paramref name="target"/> (repository:tag).</summary>
    Task TagImageAsync(string source, string target, CancellationToken cancellationToken);

    /// <summary>Removes the name (and the image when no other name holds it); false when no such image exists.</summary>
    Task<bool> RemoveImageAsync(string reference, CancellationToken cancellationToken);
}
