using System.Text.Json.Serialization;

namespace GoMonorepoBuild.Affected;

/// <summary>Compile-time serialization metadata for the JSON the affected analysis reads (a Dockerfile's exec-form COPY).</summary>
[JsonSerializable(typeof(List<string>))]
internal sealed partial class AffectedJsonContext : JsonSerializerContext;
