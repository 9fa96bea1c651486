using System.Text.RegularExpressions;

namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>The directives go.mod and go.work share (go, toolchain, godebug, replace) and their value checks.</summary>
internal static partial class ModDirectives
{
    [GeneratedRegex(@"^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$")]
    private static partial Regex GoVersionPattern();

    [GeneratedRegex(@"^(default|go[1-9][0-9]*(\.(0|[1-9][0-9]*)){0,2}([a-z]+[0-9]+)?([-+][0-9A-Za-z.+-]+)?)$")]
    private static partial Regex ToolchainPattern();

    [GeneratedRegex(@"^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$")]
    private static partial Regex SemverPattern();

    public static string ParseGo(ModStatement s, string? existing, string file)
    {
        NotInBlock(s, file);
        if (existing is not null) throw Error(file, s.Position, "repeated go directive: keep one 'go <version>' line");
        var value = Single(s, file, "go 1.23");
        if (!GoVersionPattern().IsMatch(value.Text))
            throw Error(file, value.Position, $"invalid go version '{value.Text}': write it as 1.23 or 1.23.4");
        return value.Text;
    }

    public static string ParseToolchain(ModStatement s, string? existing, string file)
    {
        NotInBlock(s, file);
        if (existing is not null) throw Error(file, s.Position, "repeated toolchain directive: keep one 'toolchain go1.x.y' line");
        var value = Single(s, file, "toolchain go1.23.4");
        if (!ToolchainPattern().IsMatch(value.Text))
            throw Error(file, value.Position, $"invalid toolchain name '{value.Text}': write it as go1.23.4");
        return value.Text;
    }

    public static GodebugSetting ParseGodebug(ModStatement s, string file)
    {
        var value = Single(s, file, "godebug key=value");
        var eq = value.Text.IndexOf('=');
        if (eq <= 0 || eq == value.Text.Length - 1 || value.Text.AsSpan().ContainsAny(" \"`',"))
            throw Error(file, value.Position, $"invalid godebug setting '{value.Text}': write it as key=value");
        return new GodebugSetting(value.Text[..eq], value.Text[(eq + 1)..], s.Position);
    }

    public static ModReplacement ParseReplace(ModStatement s, string file)
    {
        var args = s.Args;
        var arrow = -1;
        for (var i = 0; i < args.Count; i++)
            if (args[i] is { Kind: ModTokenKind.Word, Text: "=>" }) { arrow = i; break; }
        if (arrow is not (1 or 2) || args.Count - arrow - 1 is not (1 or 2))
            throw Error(file, s.Position, "usage: replace module/path [v1.2.3] => other/module v1.4.5 | ./local/dir");
        foreach (var a in args)
            if (!a.IsValue) throw Error(file, a.Position, $"unexpected {a.Describe()} in replace");
        var oldPath = ModulePath(args[0], file);
        var oldVersion = arrow == 2 ? Version(args[1], file) : null;
        var newPath = args[arrow + 1].Text;
        if (args.Count - arrow - 1 == 1)
        {
            if (!IsDirectoryPath(newPath))
                throw Error(file, args[arrow + 1].Position,
                    $"replacement '{newPath}' has no version, so it must be a directory path (starting with ./ or ../, or absolute)");
            return new ModReplacement(oldPath, oldVersion, newPath, null, s.Position);
        }
        if (IsDirectoryPath(newPath))
            throw Error(file, args[arrow + 2].Position, $"replacement directory '{newPath}' must not have a version");
        return new ModReplacement(oldPath, oldVersion, ModulePath(args[arrow + 1], file), Version(args[arrow + 2], file), s.Position);
    }

    public static ModToken Single(ModStatement s, string file, string usage)
    {
        if (s.Args.Count != 1 || !s.Args[0].IsValue) throw Error(file, s.Position, $"usage: {usage}");
        return s.Args[0];
    }

    public static string ModulePath(ModToken token, string file)
    {
        var path = token.Text;
        if (!token.IsValue || path.Length == 0 || path.StartsWith('/') || path.EndsWith('/') || path.Contains('\\')
            || path.Split('/').Any(e => e.Trim('.').Length == 0)
            || path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '\'' or '`' or '*' or '<' or '>' or '?' or '|' or ':'))
            throw Error(file, token.Position, $"invalid module path '{path}'");
        return path;
    }

    public static string Version(ModToken token, string file)
    {
        if (!token.IsValue || !SemverPattern().IsMatch(token.Text))
            throw Error(file, token.Position, $"invalid version '{token.Text}': versions look like v1.2.3 (semantic versioning with a leading v)");
        return token.Text;
    }

    public static bool IsDirectoryPath(string path) =>
        path is "." or ".." || path.StartsWith("./") || path.StartsWith("../") || path.StartsWith('/')
        || path.StartsWith(".\\") || path.StartsWith("..\\") || path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/';

    public static void NotInBlock(ModStatement s, string file)
    {
        if (s.InBlock) throw Error(file, s.Position, $"the {s.Verb} directive cannot be written in a block");
    }

    public static GoModParseException Error(string file, SourcePosition at, string reason) => new(reason, file, at.Line, at.Column);
}
