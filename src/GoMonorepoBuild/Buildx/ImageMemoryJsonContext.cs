using System.Text.Json.Serialization;

namespace GoMonorepoBuild.Buildx;

/// <summary>
/// Compile-time serialization metadata for <see cref="ImageMemory"/>'s file. Every constructor parameter is required
/// and nullability is respected: a file missing a field, or holding another shape, reads as no memory at all.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(ImageMemory))]
internal sealed partial class ImageMemoryJsonContext : JsonSerializerContext;
