using System.Text.Json;
using GoMonorepoBuild.Affected;

namespace GoMonorepoBuild.Dockerfiles;

/// <summary>
/// <c>gomonorepobuild.json</c> at the monorepo root: image settings for every service (<c>"defaults"</c>) and per
/// service (<c>"services"</c>, by service name). A service's own section wins over the build's global parameters,
/// which win over the defaults. A missing file means no settings; a file that cannot be read is an error naming it.
/// </summary>
public sealed record ImageSettingsFile(string Path, ImageSettings Defaults, IReadOnlyDictionary<string, ImageSettings> Services)
{
    public const string FileName = "gomonorepobuild.json";

    public static ImageSettingsFile Empty(string path) =>
        new(path, ImageSettings.None, new Dictionary<string, ImageSettings>(StringComparer.Ordinal));

    /// <summary>The settings of <paramref name="service"/>: its section over <paramref name="global"/> over the defaults.</summary>
    public ImageSettings For(string service, ImageSettings global) =>
        (Services.TryGetValue(service, out var own) ? own : ImageSettings.None).Over(global.Over(Defaults));

    /// <summary>Service name → its configured main package folder (relative to its module), for the workspace model.</summary>
    public IReadOnlyDictionary<string, string> Mains =>
        Services.Where(s => s.Value.Main is not null).ToDictionary(s => s.Key, s => s.Value.Main!, StringComparer.Ordinal);

    /// <summary>Service name → its extra-input globs, for the workspace model.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ExtraInputs =>
        Services.Where(s => s.Value.ExtraInputs is { Count: > 0 })
            .ToDictionary(s => s.Key, s => s.Value.ExtraInputs!, StringComparer.Ordinal);

    /// <summary>Throws when a section names no known service (a typo would otherwise be ignored silently).</summary>
    public void RequireKnownServices(IReadOnlyCollection<string> services)
    {
        var unknown = Services.Keys.Where(name => !services.Contains(name)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            throw new ImageSettingsException(Path,
                $"\"services\" has a section for {string.Join(", ", unknown.Select(u => $"'{u}'"))}, which is not a service " +
                $"of the monorepo (services: {string.Join(", ", services.Order(StringComparer.Ordinal))}). Fix the name or remove the section.");
    }

    public static ImageSettingsFile Load(string path)
    {
        if (!File.Exists(path)) return Empty(path);
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize(File.ReadAllText(path), ImageSettingsJsonContext.Default.Document);
        }
        catch (JsonException e)
        {
            throw new ImageSettingsException(path,
                $"{e.Message} Allowed: \"defaults\" and \"services\": {{ \"<service>\": {{...}} }}, each with \"runtime\" " +
                "(scratch|distroless|alpine|<image>), \"caCertificates\" (auto|always|never), \"zoneInfo\" (auto|embed|files|never), " +
                "\"version\", \"versionVariable\", \"ldFlags\", \"source\", \"context\" (service|root|<folder>), \"extraInputsPath\"; per service also \"main\" and " +
                "\"extraInputs\" (a list of globs).", e);
        }
        var file = new ImageSettingsFile(path, document?.Defaults ?? ImageSettings.None,
            new Dictionary<string, ImageSettings>(document?.Services ?? [], StringComparer.Ordinal));
        if (file.Defaults.Main is not null)
            throw new ImageSettingsException(path,
                "\"defaults\" sets \"main\", which picks one service's main package: move it into that service's section of \"services\".");
        if (file.Defaults.ExtraInputs is not null)
            throw new ImageSettingsException(path,
                "\"defaults\" sets \"extraInputs\", which name one service's files: move them into that service's section of \"services\" " +
                "(a glob with a leading '/' is relative to the monorepo root).");
        foreach (var (name, settings) in file.Services.Prepend(new("defaults", file.Defaults)))
        {
            try
            {
                settings.ApplyTo(DockerfileOptions.Default, new RuntimeAssets(false, false)).Validate();
                if (settings.Context is not null) BuildContextSetting.Parse(settings.Context);
                foreach (var glob in settings.ExtraInputs ?? []) Workspace.Services.ExtraInputGlob.Validate(glob);
            }
            catch (ArgumentException e)
            {
                throw new ImageSettingsException(path, $"{(name == "defaults" ? "\"defaults\"" : $"service '{name}'")}: {e.Message}", e);
            }
        }
        return file;
    }

    /// <summary>The "context" settings, for the affected analysis and the build of services with their own Dockerfile.</summary>
    public BuildContextSettings BuildContexts => new(
        Defaults.Context is { } context ? BuildContextSetting.Parse(context) : null,
        Services.Where(s => s.Value.Context is not null)
            .ToDictionary(s => s.Key, s => BuildContextSetting.Parse(s.Value.Context!), StringComparer.Ordinal));

    // The file's shape (read through ImageSettingsJsonContext).
    internal sealed record Document(ImageSettings? Defaults, Dictionary<string, ImageSettings>? Services);
}
