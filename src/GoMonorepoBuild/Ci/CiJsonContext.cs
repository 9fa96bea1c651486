using System.Text.Json.Serialization;

namespace GoMonorepoBuild.Ci;

/// <summary>Compile-time serialization metadata for the JSON the CI targets write (one line, camelCase).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MatrixDocument))]
internal sealed partial class CiJsonContext : JsonSerializerContext;
