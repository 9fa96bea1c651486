namespace GoMonorepoBuild.Targets;

/// <summary>
/// The build cannot start because of how it was invoked or defined (unknown target, bad parameter, cycle, ...).
/// Exit code 2; the message says what to do.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
