namespace GoMonorepoBuild.Building;

/// <summary>Where BuildKit's layer cache is imported from and exported to between runs (<c>--cache</c>).</summary>
public enum CacheBackend
{
    /// <summary>Only the engine's own cache: nothing imported or exported.</summary>
    None,

    /// <summary>A folder per service (<c>type=local</c>): for CI caches restored as files.</summary>
    Local,

    /// <summary>A cache image per service in a registry (<c>type=registry</c>, <c>mode=max</c>).</summary>
    Registry,

    /// <summary>GitHub Actions' cache service (<c>type=gha</c>), one scope per service.</summary>
    Gha,

    /// <summary>Cache metadata inside the pushed image itself (<c>type=inline</c>; final stage only, BuildKit has no mode=max for it).</summary>
    Inline,
}
