using GoMonorepoBuild.Buildx;

namespace GoMonorepoBuild.GoCache;

/// <summary>What exporting did.</summary>
/// <param name="Manifest">The manifest now in the folder; null when the export failed and the folder kept what it had.</param>
/// <param name="Message">Where the archive went, or why it did not: for the log.</param>
/// <param name="Outcome">The export build.</param>
public sealed record GoCacheExportResult(GoCacheManifest? Manifest, string Message, BuildOutcome Outcome)
{
    public bool Exported => Manifest is not null;
}
