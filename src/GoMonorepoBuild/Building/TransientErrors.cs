using System.Text.RegularExpressions;

namespace GoMonorepoBuild.Building;

/// <summary>
/// Tells a build that failed because the engine or a registry hiccupped (worth another attempt) from one that failed
/// because of what it builds (never retried: a compile error fails the same way every time).
/// Reads only what buildx says went wrong (its <c>ERROR:</c> line and failed steps' errors), never the steps' own
/// output, where a test or compiler message could mention anything.
/// </summary>
public static partial class TransientErrors
{
    /// <summary>True when <paramref name="error"/> is an engine, network or registry failure, not a build error.</summary>
    public static bool IsTransient(string? error)
    {
        if (string.IsNullOrWhiteSpace(error)) return false;
        // A RUN step whose command exited non-zero is the build's own failure, whatever else the message says.
        if (StepFailed().IsMatch(error)) return false;
        return Transient().IsMatch(error);
    }

    [GeneratedRegex(@"did not complete successfully: exit code|executor failed running", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StepFailed();

    [GeneratedRegex(
        @"Cannot connect to the Docker daemon|error during connect|connection reset by peer|connection refused|broken pipe" +
        @"|i/o timeout|TLS handshake timeout|unexpected EOF|error reading from server: EOF|read/write on closed pipe" +
        @"|code = Unavailable|no active session|context deadline exceeded|failed to (?:fetch (?:anonymous|oauth) token|do request)" +
        @"|\b(?:429|500|502|503|504)\b[ \w]*(?:Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)" +
        @"|toomanyrequests",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Transient();
}
