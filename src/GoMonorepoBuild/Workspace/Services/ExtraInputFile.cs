namespace GoMonorepoBuild.Workspace.Services;

/// <summary>A file an extra-input glob matched: its monorepo-relative <see cref="Path"/> and where it goes in the image (<see cref="Target"/>, relative to the extra-inputs folder).</summary>
public sealed record ExtraInputFile(string Path, string Target, ExtraInputGlob Glob);
