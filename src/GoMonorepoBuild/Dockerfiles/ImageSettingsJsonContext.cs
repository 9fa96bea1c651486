using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoMonorepoBuild.Dockerfiles;

/// <summary>
/// Compile-time serialization metadata for <c>gomonorepobuild.json</c> (<see cref="ImageSettingsFile"/>): strict (an
/// unknown key is an error, so a typo is not ignored), comments and trailing commas allowed since people write it,
/// policies by name only (<c>"never"</c>, not <c>2</c>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(PolicyNames<CaCertificatesPolicy>), typeof(PolicyNames<ZoneInfoPolicy>)])]
[JsonSerializable(typeof(ImageSettingsFile.Document))]
internal sealed partial class ImageSettingsJsonContext : JsonSerializerContext
{
    // The attribute takes converter types, not instances: this one carries the arguments.
    sealed class PolicyNames<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
        where TEnum : struct, Enum;
}
