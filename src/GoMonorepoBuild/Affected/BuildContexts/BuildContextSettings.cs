namespace GoMonorepoBuild.Affected;

/// <summary>The configured build contexts: gomonorepobuild.json's "defaults" and per-service "context" settings.</summary>
public sealed record BuildContextSettings(BuildContextSetting? Defaults, IReadOnlyDictionary<string, BuildContextSetting> Services)
{
    public static readonly BuildContextSettings None = new(null, new Dictionary<string, BuildContextSetting>());

    /// <summary>The setting of <paramref name="service"/>: its own, else the default; null to infer it from the Dockerfile.</summary>
    public BuildContextSetting? For(string service) => Services.TryGetValue(service, out var own) ? own : Defaults;
}
