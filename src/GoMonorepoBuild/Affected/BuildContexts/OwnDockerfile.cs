using GoMonorepoBuild.Workspace;
using Microsoft.Extensions.FileSystemGlobbing;

namespace GoMonorepoBuild.Affected;

/// <summary>
/// A service's own Dockerfile as BuildKit will build it: its build context (configured, or inferred from what it
/// copies), what its COPY/ADD instructions take from that context, and the .dockerignore that filters the context
/// (<c>&lt;Dockerfile&gt;.dockerignore</c> when present, which replaces the context's <c>.dockerignore</c>). The affected
/// analysis, the input hash and the build itself all ask this one object, so they cannot disagree.
/// </summary>
public sealed class OwnDockerfile
{
    OwnDockerfile(string service, string dockerfile, BuildContext context, DockerfileCopies copies, DockerIgnore? ignore)
    {
        Service = service;
        Dockerfile = dockerfile;
        Context = context;
        Copies = copies;
        Ignore = ignore;
    }

    public string Service { get; }

    /// <summary>The Dockerfile, relative to the monorepo root.</summary>
    public string Dockerfile { get; }

    public BuildContext Context { get; }

    public DockerfileCopies Copies { get; }

    /// <summary>The ignore file BuildKit applies; null when there is none.</summary>
    public DockerIgnore? Ignore { get; }

    /// <summary>
    /// The files that decide what reaches the builder, present or not: <c>&lt;Dockerfile&gt;.dockerignore</c> and the
    /// context's <c>.dockerignore</c> (creating, editing or deleting either can change the image).
    /// </summary>
    public IReadOnlyList<string> IgnoreFiles => [Dockerfile + ".dockerignore", RepoPath.Combine(Context.Folder, ".dockerignore")];

    /// <summary>What the Dockerfile does with <paramref name="path"/> (relative to the monorepo); null when no COPY/ADD or bind mount takes it.</summary>
    public CopyVerdict? Brings(string path)
    {
        if (!RepoPath.IsUnder(path, Context.Folder) || path == Context.Folder) return null;
        var relative = Context.Folder == "." ? path : path[(Context.Folder.Length + 1)..];
        if (Copies.SourceOf(relative) is not { } source) return null;
        return new CopyVerdict(path, source, Ignore?.Decide(relative), Ignore?.Path);
    }

    /// <summary>
    /// The files of the context this Dockerfile copies and BuildKit sends, read from <paramref name="files"/>; folders
    /// <paramref name="enter"/> refuses (the build's own output) and <c>.git</c> are not walked, nor folders the
    /// .dockerignore keeps out whole.
    /// </summary>
    public IReadOnlyList<string> CopiedFiles(MonorepoFiles files, Func<string, bool> enter)
    {
        if (Copies.Sources.Count == 0) return [];
        var prefix = Context.Folder == "." ? 0 : Context.Folder.Length + 1;
        return files.EnumerateFiles(Context.Folder, dir =>
                RepoPath.FileName(dir) != ".git" && enter(dir) && (Ignore?.Enters(dir[prefix..]) ?? true))
            .Where(f => Brings(f) is { Excluded: false })
            .ToList();
        // (A COPY that names an excluded file fails in BuildKit; counting it would change nothing the build can use.)
    }

    /// <summary>
    /// Reads the Dockerfile of <paramref name="service"/> (at <paramref name="servicePath"/>) from
    /// <paramref name="tree"/> and decides its context: <paramref name="setting"/> when given, else inferred.
    /// Throws <see cref="InvalidDataException"/> naming the file for a configured folder that does not exist or an
    /// unreadable .dockerignore.
    /// </summary>
    public static OwnDockerfile Load(ISourceTree tree, string service, string servicePath, string dockerfile, BuildContextSetting? setting)
    {
        var text = tree.ReadText(dockerfile) ?? "";
        var copies = DockerfileCopies.Parse(text);
        var context = setting is null ? Infer(tree, servicePath, dockerfile, text, copies) : Configured(tree, service, servicePath, setting);
        var ignorePath = tree.Exists(dockerfile + ".dockerignore") ? dockerfile + ".dockerignore" : RepoPath.Combine(context.Folder, ".dockerignore");
        var ignoreText = tree.ReadText(ignorePath);
        return new OwnDockerfile(service, dockerfile, context, copies, ignoreText is null ? null : DockerIgnore.Parse(ignorePath, ignoreText));
    }

    static BuildContext Configured(ISourceTree tree, string service, string servicePath, BuildContextSetting setting)
    {
        var folder = setting.FolderFor(servicePath);
        if (folder != "." && !tree.Exists(folder))
            throw new InvalidDataException(
                $"service '{service}': \"context\": \"{setting.Value}\" in gomonorepobuild.json names {folder}, which does not exist in the monorepo. " +
                $"Give {BuildContextSetting.Allowed}.");
        var what = folder == servicePath ? "the service folder" : folder == "." ? "the monorepo root" : "a configured folder";
        return new BuildContext(folder, what, $"configured in gomonorepobuild.json: \"context\": \"{setting.Value}\"");
    }

    /// <summary>
    /// The service folder when every COPY/ADD source that names something (not just ".") resolves there, as a
    /// Dockerfile written next to its own go.mod expects; otherwise the monorepo root, as before this was inferred.
    /// A source with a wildcard names something when its literal folders exist and its wildcards match entries there
    /// (<c>COPY go.* ./</c> resolves in a folder holding go.mod), as BuildKit resolves it. A Dockerfile that names nothing
    /// (<c>COPY . .</c>) beside its own go.mod, and nowhere names its folder's path, is built from that folder: from the root
    /// its go command would meet the root's files, not its module (golang-samples' run/custom-metrics).
    /// </summary>
    static BuildContext Infer(ISourceTree tree, string servicePath, string dockerfile, string text, DockerfileCopies copies)
    {
        const string Root = "the monorepo root";
        if (servicePath == ".") return new BuildContext(".", Root, "the service folder is the monorepo root");
        var named = copies.Sources.Select(s => (Source: s, Relative: DockerfileCopies.Relative(s)))
            .Where(s => s.Relative != "." && (LiteralPart(s.Relative) != "." || tree.Names(".") is not null)).ToList();
        if (named.Count == 0 && copies.Sources.Count > 0 && tree.Exists(RepoPath.Combine(servicePath, "go.mod"))
            && !text.Contains(servicePath, StringComparison.Ordinal))
            return new BuildContext(servicePath, "the service folder",
                $"inferred: {copies.InstructionOf(copies.Sources[0])} beside the service's go.mod, and {dockerfile} never names {servicePath}");
        if (named.Count == 0)
            return new BuildContext(".", Root, $"the default: no COPY/ADD or bind-mount source of {dockerfile} names a file to look for; set \"context\" to choose");
        var missing = named.FirstOrDefault(s => !Resolves(tree, servicePath, s.Relative));
        if (missing.Source is null)
            return new BuildContext(servicePath, "the service folder", $"inferred: {copies.InstructionOf(named[0].Source)} resolves beside the Dockerfile");
        var atRoot = Resolves(tree, ".", missing.Relative) ? "" : ", nor at the root";
        return new BuildContext(".", Root, $"inferred: {copies.InstructionOf(missing.Source)} does not resolve in the service folder{atRoot}");
    }

    /// <summary>
    /// Whether <paramref name="source"/> (relative, cleaned) finds anything in <paramref name="folder"/>: its literal
    /// folders exist, and each wildcard segment matches an entry (a tree that cannot list folders: the literal part only).
    /// </summary>
    static bool Resolves(ISourceTree tree, string folder, string source)
    {
        var literal = LiteralPart(source);
        var start = RepoPath.Combine(folder, literal);
        if (literal != "." && !tree.Exists(start)) return false;
        if (literal == source) return true;
        var rest = source.Split('/').Skip(literal == "." ? 0 : literal.Split('/').Length).ToList();
        return tree.Names(start) is null || Matches(tree, start, rest);
    }

    static bool Matches(ISourceTree tree, string folder, IReadOnlyList<string> segments)
    {
        if (segments.Count == 0) return true;
        if (segments[0] == "**") return true;
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(segments[0]);
        foreach (var name in tree.Names(folder) ?? [])
        {
            if (!matcher.Match(name).HasMatches) continue;
            var path = RepoPath.Combine(folder, name);
            if (segments.Count == 1 || Matches(tree, path, segments.Skip(1).ToList())) return true;
        }
        return false;
    }

    /// <summary>The folders of a source before its first wildcard ("cmd/*/main.go" → "cmd"; "*.go" → ".").</summary>
    static string LiteralPart(string source)
    {
        var segments = source.Split('/');
        var literal = segments.TakeWhile(s => s.IndexOfAny(['*', '?', '[']) < 0).ToList();
        return literal.Count == 0 ? "." : string.Join('/', literal);
    }
}
