using System.Text.Json.Serialization;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// Compile-time serialization metadata for the report files. Every run reads the previous report and writes a new
/// one; reflection-based metadata cost ~80 ms of each run's start (BENCHMARKS.md, "Fixed cost of a run").
/// </summary>
[JsonSerializable(typeof(BuildReport))]
[JsonSerializable(typeof(HistoryEntry))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
