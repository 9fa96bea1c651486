using System.Text.Json.Serialization;

namespace GoMonorepoBuild.Workspace.Rendering;

/// <summary>Compile-time serialization metadata for the model's JSON (<see cref="JsonRenderer"/>): camelCase, indented.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(WorkspaceDocument))]
internal sealed partial class WorkspaceJsonContext : JsonSerializerContext;
