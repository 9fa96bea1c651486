using System.Text.RegularExpressions;

namespace GoMonorepoBuild.Workspace.Packages;

/// <summary>
/// Resolves //go:embed patterns to files the way cmd/go does: each pattern is matched element by element from the
/// package folder; a matched folder embeds its files recursively, leaving out names starting with "." or "_" (unless
/// the pattern has the all: prefix) and folders of other modules. A pattern matching nothing is an error, as in go build.
/// Symbolic links, as in cmd/go (checked against go 1.23): a pattern naming a link (to a file or a folder, inside the
/// monorepo or out) is "cannot embed irregular file"; a match below a linked folder is "in non-directory"; inside an
/// embedded folder links, pipes and devices are skipped. Nothing is read or listed through a link leading out of the
/// monorepo (<see cref="MonorepoFiles"/>), so a link to "/" never makes this walk the machine's file system.
/// </summary>
internal static class EmbedResolver
{
    private sealed record Match(string Path, EntryKind Kind, string? LinkedFolder);

    public static IReadOnlyList<string> Resolve(MonorepoFiles files, string packageDir, EmbedPattern embed, string goFile)
    {
        var all = embed.Pattern.StartsWith("all:", StringComparison.Ordinal);
        var pattern = all ? embed.Pattern[4..] : embed.Pattern;
        WorkspaceException Fail(string reason) => new($"pattern {embed.Pattern}: {reason}", goFile, embed.Line, 1);
        string InPackage(string path) => path[(packageDir == "." ? 0 : packageDir.Length + 1)..];

        var elements = pattern.Split('/');
        if (pattern.Length == 0 || pattern.StartsWith('/') || pattern.Contains('\\') || elements.Any(e => e is "" or "." or ".."))
            throw Fail("invalid pattern: it must be a relative path without '.' or '..' elements");
        var current = new List<Match> { new(packageDir, EntryKind.Directory, null) };
        for (var i = 0; i < elements.Length; i++)
        {
            Regex glob;
            try
            {
                glob = GoGlob.Compile(elements[i]);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw Fail($"invalid pattern: {e.Message}");
            }
            var next = new List<Match>();
            foreach (var dir in current)
            {
                var linked = dir.LinkedFolder;
                if (dir.Kind == EntryKind.Link)
                {
                    // go build's glob looks through a linked folder and then refuses what it finds below it; a link out
                    // of the monorepo is refused without looking (nothing outside is listed).
                    if (FollowsOut(files, dir.Path))
                        throw Fail($"cannot embed {InPackage(dir.Path)}/{string.Join('/', elements[i..])}: in non-directory {InPackage(dir.Path)} " +
                                   $"({dir.Path} is a symbolic link out of the monorepo; //go:embed takes regular files and folders only)");
                    if (files.KindOfTarget(dir.Path) != EntryKind.Directory) continue;
                    linked ??= dir.Path;
                }
                else if (dir.Kind != EntryKind.Directory) continue;
                foreach (var (name, kind) in files.List(dir.Path))
                    if (glob.IsMatch(name))
                        next.Add(new Match(RepoPath.Combine(dir.Path, name), kind, linked));
            }
            current = next;
        }
        if (current.Count == 0) throw Fail("no matching files found");

        var embedded = new List<string>();
        foreach (var match in current)
        {
            var what = match.Kind == EntryKind.Directory ? "directory" : "file";
            if (match.LinkedFolder is { } link)
                throw Fail($"cannot embed {what} {InPackage(match.Path)}: in non-directory {InPackage(link)} " +
                           $"({link} is a symbolic link; //go:embed does not look through links: name the folder it points to)");
            switch (match.Kind)
            {
                case EntryKind.File:
                    embedded.Add(match.Path);
                    break;
                case EntryKind.Directory:
                    if (files.KindOf(RepoPath.Combine(match.Path, "go.mod")) != EntryKind.Missing)
                        throw Fail($"cannot embed directory {InPackage(match.Path)}: in different module");
                    var before = embedded.Count;
                    AddTree(files, match.Path, all, embedded);
                    if (embedded.Count == before) throw Fail($"cannot embed directory {InPackage(match.Path)}: contains no embeddable files");
                    break;
                default:
                    throw Fail($"cannot embed irregular file {InPackage(match.Path)} ({match.Path} is " +
                               (match.Kind == EntryKind.Link ? "a symbolic link" : "a pipe, socket or device") +
                               "; //go:embed takes regular files only: put the file itself there)");
            }
        }
        return embedded;
    }

    private static bool FollowsOut(MonorepoFiles files, string path)
    {
        try
        {
            files.Resolve(path);
            return false;
        }
        catch (OutsideMonorepoException)
        {
            return true;
        }
    }

    /// <summary>The regular files below a folder, as go build embeds them: links and other irregular files are skipped.</summary>
    private static void AddTree(MonorepoFiles files, string dir, bool all, List<string> embedded)
    {
        foreach (var (name, kind) in files.List(dir))
        {
            if (!all && (name.StartsWith('.') || name.StartsWith('_'))) continue;
            var path = RepoPath.Combine(dir, name);
            if (kind == EntryKind.File) embedded.Add(path);
            else if (kind == EntryKind.Directory && files.KindOf(RepoPath.Combine(path, "go.mod")) == EntryKind.Missing)
                AddTree(files, path, all, embedded);
        }
    }
}
