namespace GoMonorepoBuild.Affected;

/// <summary>A changed file that affects no service, and why (a test file, documentation, a package no service imports...).</summary>
public sealed record IgnoredFile(string Path, string Reason);
