namespace GoMonorepoBuild.Reports;

/// <summary>
/// The first counted step BuildKit did not answer from its cache (every later step ran too), and why, as far as the
/// report can tell: which inputs changed since the service's previous build, or that none did.
/// </summary>
/// <param name="Name">The step's name, e.g. <c>[build 6/7] COPY sources/ ./</c>.</param>
/// <param name="Reason">Why it missed, in words.</param>
/// <param name="ChangedInputs">Input files that differ from the previous build; null when there was none to compare with.</param>
public sealed record MissedStep(string Name, string Reason, InputChanges? ChangedInputs);
