using System.Collections.Immutable;

namespace GoMonorepoBuild.Buildx;

/// <summary>
/// One <c>docker buildx build</c> of a service. Immutable; start with the constructor and use the <c>With*</c> methods.
/// </summary>
public sealed record BuildxBuild(string ServiceName, string DockerfilePath, string ContextDir)
{
    public ImmutableList<string> Tags { get; init; } = [];

    /// <summary>Target platforms, e.g. <c>linux/amd64</c>; empty means the engine's own platform.</summary>
    public ImmutableList<string> Platforms { get; init; } = [];

    /// <summary>Load the image into the engine's image store (<c>--load</c>).</summary>
    public bool Load { get; init; }

    /// <summary>The network of RUN steps (<c>--network</c>); null leaves buildx's default.</summary>
    public string? Network { get; init; }

    /// <summary>The buildx builder instance (<c>--builder</c>); null uses the current one.</summary>
    public string? Builder { get; init; }

    public ImmutableSortedDictionary<string, string> BuildArgs { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>
    /// Attach SLSA provenance. Off by default: buildx would otherwise turn a single-platform image into an index.
    /// </summary>
    /// <summary>Image labels set at build time (<c>--label</c>), e.g. the input hash; they never re-run a step.</summary>
    public ImmutableSortedDictionary<string, string> Labels { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public bool Provenance { get; init; }

    /// <summary>Where buildx writes the build's metadata (<c>--metadata-file</c>); null lets the driver pick a temp file.</summary>
    public string? MetadataFile { get; init; }

    /// <summary>Where the driver writes the readable build log; null keeps the log in memory only.</summary>
    public string? LogFile { get; init; }

    /// <summary>Push the image to its registry (<c>--push</c>) instead of, or as well as, loading it.</summary>
    public bool Push { get; init; }

    /// <summary>Cache sources (<c>--cache-from</c>), e.g. <c>type=registry,ref=reg/api:buildcache</c>.</summary>
    public ImmutableList<string> CacheFrom { get; init; } = [];

    /// <summary>Cache exports (<c>--cache-to</c>), e.g. <c>type=local,dest=/cache/api,mode=max</c>.</summary>
    public ImmutableList<string> CacheTo { get; init; } = [];

    /// <summary>The stage to build (<c>--target</c>), e.g. a generated Dockerfile's <c>debug</c>; null builds the last.</summary>
    public string? Target { get; init; }

    /// <summary>
    /// Outputs (<c>--output</c>), e.g. <c>type=oci,dest=image.tar,rewrite-timestamp=true</c> for an image whose digest
    /// depends only on its inputs and <c>SOURCE_DATE_EPOCH</c>. <c>rewrite-timestamp</c> does not combine with <see cref="Load"/>.
    /// </summary>
    public ImmutableList<string> Outputs { get; init; } = [];

    /// <summary>Ignore BuildKit's cache of earlier steps (<c>--no-cache</c>); cache mounts keep their content.</summary>
    public bool NoCache { get; init; }

    public BuildxBuild WithTags(params IEnumerable<string> tags) => this with { Tags = [.. tags] };
    public BuildxBuild WithTag(string tag) => this with { Tags = Tags.Add(tag) };
    public BuildxBuild WithPlatforms(params IEnumerable<string> platforms) => this with { Platforms = [.. platforms] };
    public BuildxBuild WithLoad(bool load = true) => this with { Load = load };
    public BuildxBuild WithNetwork(string? network) => this with { Network = network };
    public BuildxBuild WithBuilder(string? builder) => this with { Builder = builder };
    public BuildxBuild WithBuildArg(string name, string value) => this with { BuildArgs = BuildArgs.SetItem(name, value) };
    public BuildxBuild WithLabels(IEnumerable<KeyValuePair<string, string>> labels) => this with { Labels = Labels.SetItems(labels) };
    public BuildxBuild WithProvenance(bool provenance = true) => this with { Provenance = provenance };
    public BuildxBuild WithMetadataFile(string? path) => this with { MetadataFile = path };
    public BuildxBuild WithLogFile(string? path) => this with { LogFile = path };
    public BuildxBuild WithPush(bool push = true) => this with { Push = push };
    public BuildxBuild WithCacheFrom(params IEnumerable<string> sources) => this with { CacheFrom = [.. sources] };
    public BuildxBuild WithCacheTo(params IEnumerable<string> exports) => this with { CacheTo = [.. exports] };
    public BuildxBuild WithTarget(string? stage) => this with { Target = stage };
    public BuildxBuild WithOutput(string output) => this with { Outputs = Outputs.Add(output) };
    public BuildxBuild WithNoCache(bool noCache = true) => this with { NoCache = noCache };

    /// <summary>The arguments after <c>docker</c>, with <paramref name="metadataFile"/> as the metadata file.</summary>
    public IReadOnlyList<string> Arguments(string metadataFile)
    {
        var args = new List<string> { "buildx", "build", "--progress=rawjson" };
        if (Builder is not null) args.AddRange(["--builder", Builder]);
        args.AddRange(["--file", DockerfilePath]);
        foreach (var tag in Tags) args.AddRange(["--tag", tag]);
        if (Platforms.Count > 0) args.AddRange(["--platform", string.Join(',', Platforms)]);
        if (Target is not null) args.AddRange(["--target", Target]);
        if (Load) args.Add("--load");
        if (Push) args.Add("--push");
        foreach (var source in CacheFrom) args.AddRange(["--cache-from", source]);
        foreach (var export in CacheTo) args.AddRange(["--cache-to", export]);
        foreach (var output in Outputs) args.AddRange(["--output", output]);
        if (NoCache) args.Add("--no-cache");
        if (Network is not null) args.AddRange(["--network", Network]);
        foreach (var (name, value) in BuildArgs) args.AddRange(["--build-arg", $"{name}={value}"]);
        foreach (var (name, value) in Labels) args.AddRange(["--label", $"{name}={value}"]);
        args.Add(Provenance ? "--provenance=true" : "--provenance=false");
        args.AddRange(["--metadata-file", metadataFile]);
        args.Add(ContextDir);
        return args;
    }
}
