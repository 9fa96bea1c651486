namespace GoMonorepoBuild.Engine.Api;

/// <summary>
/// One entry of the engine's event log (<c>GET /events</c>): what happened (<paramref name="Action"/>) to which kind of
/// object (<paramref name="Type"/>: image, container, ...), named by its ID and, for images, the name the action was about,
/// at the engine's clock in nanoseconds. Equal entries are the same entry: the time is the engine's, to the nanosecond.
/// </summary>
internal sealed record EngineEvent(string Type, string Action, string Id, string? Name, long TimeNano);
