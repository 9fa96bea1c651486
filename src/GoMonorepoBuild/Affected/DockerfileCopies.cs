using System.Text.Json;
using Microsoft.Extensions.FileSystemGlobbing;

namespace GoMonorepoBuild.Affected;

/// <summary>
/// What a user-owned Dockerfile copies from its build context (see <see cref="BuildContext"/>): the sources of its COPY
/// and ADD instructions, as globs relative to the context. COPY --from copies from another stage and is left out;
/// .dockerignore is applied by <see cref="OwnDockerfile"/>, not here.
/// </summary>
public sealed class DockerfileCopies
{
    readonly List<(string Source, Matcher Matcher)> matchers = [];

    DockerfileCopies(IReadOnlyList<string> sources)
    {
        Sources = sources;
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

    /// <summary>The COPY/ADD source that copies <paramref name="path"/> (relative to the context), if any.</summary>
    public string? SourceOf(string path) => matchers.FirstOrDefault(m => m.Matcher.Match(path).HasMatches).Source;

    /// <summary>A source as a path relative to the context: BuildKit reads "/x", "./x" and "x" alike.</summary>
    public static string Relative(string source) => DockerIgnorePattern.CleanPath(source.TrimStart('/'));

    public static DockerfileCopies Parse(string dockerfile)
    {
        var sources = new List<string>();
        foreach (var instruction in Instructions(dockerfile))
        {
            var words = instruction.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 3 || !(words[0].Equals("COPY", StringComparison.OrdinalIgnoreCase) || words[0].Equals("ADD", StringComparison.OrdinalIgnoreCase)))
                continue;
            var args = words.Skip(1).ToList();
            if (args.Any(w => w.StartsWith("--from", StringComparison.OrdinalIgnoreCase))) continue;
            args = args.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
            var rest = string.Join(' ', args);
            if (rest.StartsWith('['))
            {
                try { args = JsonSerializer.Deserialize<List<string>>(rest) ?? []; }
                catch (JsonException) { continue; }
            }
            if (args.Count >= 2) sources.AddRange(args.Take(args.Count - 1).Where(s => !s.Contains("://", StringComparison.Ordinal)));
        }
        return new DockerfileCopies(sources);
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
