using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Targets;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild;

public abstract partial class MonorepoBuildCore
{
    // The values of the parameters IDockerfileGeneration declares.
    public string? DockerfilesDir { get; set; }

    /// <summary>The folder generated Dockerfiles go to: <c>&lt;dir&gt;/&lt;service&gt;/Dockerfile</c> and <c>context/</c>.</summary>
    public string DockerfilesDirectory => Path.GetFullPath(DockerfilesDir ?? Path.Combine(TemporaryDirectory, "docker"), RootDirectory);

    public string? RuntimeImage { get; set; }

    ImageSettingsFile? imageSettings;

    /// <summary>The monorepo's <c>gomonorepobuild.json</c> (empty when there is none), read and checked on first use.</summary>
    public ImageSettingsFile ImageSettings => imageSettings ??= LoadImageSettings();

    ImageSettingsFile? unvalidatedImageSettings;

    /// <summary>The file as read, before its service names are checked against the workspace (which needs its "main" settings).</summary>
    ImageSettingsFile UnvalidatedImageSettings =>
        unvalidatedImageSettings ??= ImageSettingsFile.Load(Path.Combine(MonorepoDirectory, ImageSettingsFile.FileName));

    ImageSettingsFile LoadImageSettings()
    {
        var file = UnvalidatedImageSettings;
        file.RequireKnownServices(Workspace.Services.Select(s => s.Name).ToList());
        return file;
    }

    readonly Dictionary<string, GeneratedService> generated = new(StringComparer.Ordinal);

    /// <summary>The Dockerfile and context of each selected buildable service, by service name (set by GenerateDockerfiles).</summary>
    public IReadOnlyDictionary<string, GeneratedService> Generated => generated;

    /// <summary>What <see cref="IGenerateDockerfiles.GenerateDockerfiles"/> does: generates for every selected service.</summary>
    protected internal Task GenerateDockerfilesAsync(CancellationToken ct) => GenerateAsync(SelectedServices(), ct);

    /// <summary>
    /// Writes the Dockerfile and stages the context of each of <paramref name="services"/> that has a main package and
    /// no Dockerfile of its own. BuildChanged calls it for the services it builds only: staging is per-file work,
    /// which a run that skips 499 of 500 services must not pay for all of them.
    /// </summary>
    protected async Task GenerateAsync(IEnumerable<GoService> services, CancellationToken ct)
    {
        foreach (var service in services.Where(s => s.IsBuildable))
        {
            if (OwnDockerfileOf(service) is { } own)
            {
                Log.Information($"{service.Name}: own {own.Dockerfile}, build context {own.Context}");
                continue;
            }
            var input = BuildInputOf(service);
            var builder = await BuilderImageFor(GoVersions.Minor(service.GoVersion) ?? GoVersions.Fallback, ct);
            var options = OptionsOf(service).WithBuilderImage(builder.Reference);
            var result = ServiceGenerator.Generate(MonorepoDirectory, input, options, DockerfilesDirectory, ct);
            generated[service.Name] = result;
            Log.Information($"{service.Name}: {Path.GetRelativePath(RootDirectory, result.DockerfilePath)} " +
                            $"({input.ModuleFiles.Count} module files, {input.SourceFiles.Count} sources" +
                            (input.ExtraInputs.Files.Count > 0 ? $", {input.ExtraInputs.Files.Count} extra inputs" : "") + ")");
        }
    }

    LoadLocationScan? loadLocations;

    /// <summary>This run's scan of the sources for LoadLocation: a file shared by many services is read once.</summary>
    LoadLocationScan LoadLocations =>
        LazyInitializer.EnsureInitialized(ref loadLocations, () => new LoadLocationScan(new MonorepoFiles(MonorepoDirectory)));

    readonly System.Collections.Concurrent.ConcurrentDictionary<string, DockerfileOptions> dockerfileOptions = new(StringComparer.Ordinal);

    /// <summary>
    /// <see cref="DockerfileOptionsFor"/> once per service and run: the input hash and the generation both need them,
    /// and an override may be costly (or scan files, as the default does).
    /// </summary>
    DockerfileOptions OptionsOf(GoService service) => dockerfileOptions.GetOrAdd(service.Name, _ => DockerfileOptionsFor(service));

    /// <summary>
    /// Options of a service's generated Dockerfile: what its code needs (<see cref="RuntimeAssets"/>), then its
    /// section of gomonorepobuild.json over <c>--runtime-image</c> over the file's defaults. Override to change more.
    /// </summary>
    protected virtual DockerfileOptions DockerfileOptionsFor(GoService service)
    {
        var needs = RuntimeAssets.Of(service, LoadLocations);
        var settings = ImageSettings.For(service.Name, Dockerfiles.ImageSettings.None.WithRuntime(RuntimeImage));
        var options = settings.ApplyTo(DockerfileOptions.Default.WithMetadataLabels(), needs);
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ImageSettingsException(ImageSettings.Path, $"service '{service.Name}'{(RuntimeImage is null ? "" : $" (with --runtime-image {RuntimeImage})")}: {e.Message}", e);
        }
        return options;
    }

    /// <summary>What the Dockerfile generator needs of a service: its module, main package and image inputs.</summary>
    protected ServiceBuildInput BuildInputOf(GoService service)
    {
        service.RequireBuildable();
        return new ServiceBuildInput(
            ImageName.FromServiceName(service.Name),
            service.ModuleDir,
            MainPackage.Of(service),
            GoVersions.Minor(service.GoVersion) ?? GoVersions.Fallback,
            service.ModuleFiles,
            service.SourceFiles.Where(f => f != service.Dockerfile).ToList())
            .WithExtraInputs(service.ExtraInputs)
            .WithVendorFiles(service.VendorFiles);
    }
}
