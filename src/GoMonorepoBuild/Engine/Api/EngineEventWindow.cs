namespace GoMonorepoBuild.Engine.Api;

/// <summary>
/// What the engine logged from an entry a caller remembered (<see cref="From"/>) up to the engine's own "now" at the
/// time of asking. <see cref="Unbroken"/> only when that entry is still in the log: the engine keeps its last ~256
/// entries in memory and none across a restart, so an entry gone from the log means changes may have gone unrecorded.
/// </summary>
/// <param name="EngineId">The engine's ID (<c>GET /info</c>), which its data root keeps across restarts.</param>
/// <param name="From">The entry asked from, or null (then the whole log is read, for its newest entry).</param>
/// <param name="Events">The entries from <paramref name="From"/> on (itself included), in the engine's order.</param>
internal sealed record EngineEventWindow(string EngineId, EngineEvent? From, IReadOnlyList<EngineEvent> Events)
{
    /// <summary>Whether <see cref="Events"/> is every entry since <see cref="From"/>: it is still in the log.</summary>
    public bool Unbroken => From is not null && Events.Contains(From);

    /// <summary>The entries after <see cref="From"/> (all of them when it is null).</summary>
    public IEnumerable<EngineEvent> After => Events.Where(e => e != From);

    /// <summary>The newest entry, where the next window starts; null when the log is empty.</summary>
    public EngineEvent? Newest => Events.Count > 0 ? Events[^1] : null;
}
