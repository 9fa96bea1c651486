using System.Text.Json;
using Microsoft.Extensions.FileSystemGlobbing;

namespace GoMonorepoBuild.Affected;

/// <summary>
/// What a user-owned Dockerfile takes from its build context (see <see cref="BuildContext"/>): the sources of its COPY
/// and ADD instructions, as globs relative to the context, and the sources of its <c>RUN --mount=type=bind</c> mounts
/// (what <c>docker init</c>'s Go Dockerfile builds from: <c>RUN --mount=type=bind,target=. go build</c>), which reach
/// the build as surely as a copy. COPY --from and mounts with <c>from=</c> take from another stage or image and are
/// left out; .dockerignore is applied by <see cref="OwnDockerfile"/>, not here.
/// </summary>
public sealed class DockerfileCopies
{
    readonly List<(string Source, Matcher Matcher)> matchers = [];

    readonly HashSet<string> mountedOnly;

    DockerfileCopies(IReadOnlyList<string> sources, IEnumerable<string> mountedOnly)
    {
        Sources = sources;
        this.mountedOnly = [.. mountedOnly];
        foreach (var source in sources)
        {
            var glob = Relative(source) is var relative && relative == "." ? "**" : relative;
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddInclude(glob);
            if (glob != "**") matcher.AddInclude(glob + "/**");
            matchers.Add((source, matcher));
        }
    }

    public IReadOnlyList<string> Sources { get; }

    /// <summary>Whether only a <c>RUN --mount=type=bind</c> takes <paramref name="source"/> (no COPY/ADD names it).</summary>
    public bool IsMount(string source) => mountedOnly.Contains(source);

    /// <summary>The instruction that takes <paramref name="source"/>, as a reason quotes it: "COPY ." or "RUN --mount=type=bind,source=.".</summary>
    public string InstructionOf(string source) => IsMount(source) ? $"RUN --mount=type=bind,source={source}" : $"COPY {source}";

    /// <summary>The COPY/ADD source that copies <paramref name="path"/> (relative to the context), if any.</summary>
    public string? SourceOf(string path) => matchers.FirstOrDefault(m => m.Matcher.Match(path).HasMatches).Source;

    /// <summary>A source as a path relative to the context: BuildKit reads "/x", "./x" and "x" alike.</summary>
    public static string Relative(string source) => DockerIgnorePattern.CleanPath(source.TrimStart('/'));

    public static DockerfileCopies Parse(string dockerfile)
    {
        var sources = new List<string>();
        var mounted = new List<string>();
        foreach (var instruction in Instructions(dockerfile))
        {
            var words = instruction.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && words[0].Equals("RUN", StringComparison.OrdinalIgnoreCase))
            {
                mounted.AddRange(words.Skip(1).TakeWhile(w => w.StartsWith("--", StringComparison.Ordinal)).Select(BindSource).OfType<string>());
                continue;
            }
            if (words.Length < 3 || !(words[0].Equals("COPY", StringComparison.OrdinalIgnoreCase) || words[0].Equals("ADD", StringComparison.OrdinalIgnoreCase)))
                continue;
            var args = words.Skip(1).ToList();
            if (args.Any(w => w.StartsWith("--from", StringComparison.OrdinalIgnoreCase))) continue;
            args = args.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
            var rest = string.Join(' ', args);
            if (rest.StartsWith('['))
            {
                try { args = JsonSerializer.Deserialize(rest, AffectedJsonContext.Default.ListString) ?? []; }
                catch (JsonException) { continue; }
            }
            if (args.Count >= 2) sources.AddRange(args.Take(args.Count - 1).Where(s => !s.Contains("://", StringComparison.Ordinal)));
        }
        var mountedOnly = mounted.Where(m => !sources.Contains(m)).Distinct().ToList();
        return new DockerfileCopies([.. sources, .. mountedOnly], mountedOnly);
    }

    /// <summary>
    /// The context path a <c>--mount=</c> flag binds, or null when it binds nothing of the context: another type
    /// (cache, secret, ssh, tmpfs), or <c>from=</c> a stage, image or named context. BuildKit's defaults: type bind,
    /// source the root of the context.
    /// </summary>
    static string? BindSource(string flag)
    {
        if (!flag.StartsWith("--mount=", StringComparison.OrdinalIgnoreCase)) return null;
        string type = "bind", source = ".";
        foreach (var field in flag["--mount=".Length..].Trim('"', '\'').Split(','))
        {
            var (key, value) = field.IndexOf('=') is var eq and >= 0 ? (field[..eq].Trim().ToLowerInvariant(), field[(eq + 1)..].Trim('"', '\'')) : (field.Trim().ToLowerInvariant(), "");
            switch (key)
            {
                case "type": type = value.ToLowerInvariant(); break;
                case "from": return null;
                case "source" or "src": source = value.Length == 0 ? "." : value; break;
            }
        }
        return type == "bind" ? source : null;
    }

    static IEnumerable<string> Instructions(string text)
    {
        var current = "";
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#')) continue;
            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }
            yield return current + line;
            current = "";
        }
        if (current.Length > 0) yield return current;
    }
}
