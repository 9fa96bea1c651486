using System.Text.RegularExpressions;

namespace GoMonorepoBuild.Buildx;

/// <summary>
/// One BuildKit vertex of a build, merged from every progress update that mentioned its digest.
/// </summary>
/// <param name="Digest">The vertex digest, which identifies it across progress updates.</param>
/// <param name="Name">The vertex name, e.g. <c>[build 5/7] RUN go build ...</c>.</param>
/// <param name="Cached">BuildKit reused the vertex's result from its cache.</param>
/// <param name="Started">When it started (null for vertices that never started).</param>
/// <param name="Completed">When it completed or failed.</param>
/// <param name="Error">Why it failed, or null.</param>
/// <param name="Internal">
/// True for vertices that are not counted as steps (see <see cref="IsInstruction"/>): BuildKit's own work
/// (<c>[internal] load build definition</c>, <c>load build context</c>, <c>load metadata</c>, <c>exporting to
/// image</c>, ...) and base images (<c>FROM</c>). They run on every build whatever the cache holds, so counting them
/// would make a fully cached build look partly rebuilt. They stay in the step list for the log.
/// </param>
public sealed partial record BuildStep(
    string Digest,
    string Name,
    bool Cached,
    DateTimeOffset? Started,
    DateTimeOffset? Completed,
    string? Error,
    bool Internal)
{
    public TimeSpan? Duration => Started is { } s && Completed is { } c ? c - s : null;

    public bool Failed => Error is not null;

    /// <summary>
    /// The counting rule: a step is a vertex the Dockerfile frontend names after an instruction,
    /// <c>[&lt;stage&gt; &lt;n&gt;/&lt;m&gt;] INSTRUCTION ...</c> (with a platform first in multi-platform builds,
    /// e.g. <c>[linux/arm64 build 3/7]</c>), except <c>FROM</c>: resolving a base image is reported cached or not by
    /// whether BuildKit already resolved it in its session, not by the build's inputs (measured with BuildKit 0.13:
    /// cached on a cold build, run on the warm one). Everything else is internal.
    /// </summary>
    public static bool IsInstruction(string name) => InstructionName().IsMatch(name);

    [GeneratedRegex(@"^\[(?:[^\s\]/]+/[^\s\]]+ )?[^\s\]]+ \d+/\d+\] (?!FROM )", RegexOptions.CultureInvariant)]
    private static partial Regex InstructionName();
}
