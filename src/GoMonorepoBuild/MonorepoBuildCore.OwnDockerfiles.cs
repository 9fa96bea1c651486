using System.Collections.Concurrent;
using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.Services;

namespace GoMonorepoBuild;

public abstract partial class MonorepoBuildCore
{
    readonly ConcurrentDictionary<string, OwnDockerfile> ownDockerfiles = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, IReadOnlyList<string>> imageInputs = new(StringComparer.Ordinal);

    /// <summary>
    /// The service's own Dockerfile with its build context (gomonorepobuild.json's "context", else inferred) and the
    /// .dockerignore BuildKit applies; null when its Dockerfile is generated. The affected analysis decides the same way.
    /// </summary>
    public OwnDockerfile? OwnDockerfileOf(GoService service) => service.Dockerfile is null ? null
        : ownDockerfiles.GetOrAdd(service.Name, _ => OwnDockerfile.Load(new WorkTreeSource(MonorepoDirectory), service.Name, service.Path,
            service.Dockerfile, ImageSettings.BuildContexts.For(service.Name)));

    /// <summary>
    /// Every file whose content makes the service's image: the Go model's inputs and, for its own Dockerfile, only those in
    /// its build context, the files its COPY/ADD and bind mounts take from that context that .dockerignore lets through, and the
    /// .dockerignore files themselves.
    /// The build's own output folder (.nuke/temp) and .git are never inputs.
    /// </summary>
    protected IReadOnlyList<string> ImageInputsOf(GoService service) => imageInputs.GetOrAdd(service.Name, _ =>
    {
        if (OwnDockerfileOf(service) is not { } own) return service.ImageInputs;
        var files = new MonorepoFiles(MonorepoDirectory);
        var output = RepoPath.FromSystem(MonorepoDirectory, TemporaryDirectory);
        var copied = own.CopiedFiles(files, dir => output.StartsWith("..", StringComparison.Ordinal) || !RepoPath.IsUnder(dir, output));
        var ignoreFiles = own.IgnoreFiles.Where(f => files.KindOf(f) == EntryKind.File);
        // The Go model's inputs outside the build context never reach BuildKit's builder (the affected analysis agrees).
        return service.ImageInputs.Where(f => own.Context.Holds(f) || f == own.Dockerfile).Concat(copied).Concat(ignoreFiles)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    });

    /// <summary>One line per service with its own Dockerfile: its build context and how it was decided.</summary>
    string OwnDockerfilesText() => string.Concat(Workspace.Services.Select(OwnDockerfileOf).OfType<OwnDockerfile>().Select(own =>
        $"{own.Service}: own {own.Dockerfile}, build context {own.Context}" +
        (own.Ignore is { } ignore ? $", {ignore.Path} ({ignore.Patterns.Count} {(ignore.Patterns.Count == 1 ? "pattern" : "patterns")})" : ", no .dockerignore") + "\n"));
}
