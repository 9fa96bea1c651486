namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>
/// Interprets go.mod directives: module, go, toolchain, godebug, require, exclude, replace, retract, tool (Go 1.24) and
/// ignore (Go 1.25). An unknown directive is a warning (<see cref="UnknownDirectives"/>), not an error.
/// </summary>
internal static class GoModParser
{
    public static GoModFile Parse(string text, string file)
    {
        string? module = null, go = null, toolchain = null;
        var modulePosition = new SourcePosition(1, 1);
        var godebug = new List<GodebugSetting>();
        var requires = new List<ModRequirement>();
        var excludes = new List<ModuleVersion>();
        var replaces = new List<ModReplacement>();
        var retracts = new List<ModRetraction>();
        var tools = new List<ModPathDirective>();
        var ignores = new List<ModPathDirective>();
        var unknown = new UnknownDirectives(file, Known);
        foreach (var s in ModStatementReader.Read(text, file))
        {
            switch (s.Verb)
            {
                case "module":
                    if (module is not null) throw ModDirectives.Error(file, s.Position, "repeated module directive: a go.mod declares one module");
                    modulePosition = s.Position;
                    module = ModDirectives.ModulePath(ModDirectives.Single(s, file, "module example.com/path"), file);
                    break;
                case "go": go = ModDirectives.ParseGo(s, go, file); break;
                case "toolchain": toolchain = ModDirectives.ParseToolchain(s, toolchain, file); break;
                case "godebug": godebug.Add(ModDirectives.ParseGodebug(s, file)); break;
                case "require":
                    var (path, version) = PathAndVersion(s, file, "require module/path v1.2.3");
                    requires.Add(new ModRequirement(path, version, IsIndirect(s.TrailingComment), s.Position));
                    break;
                case "exclude":
                    var (xPath, xVersion) = PathAndVersion(s, file, "exclude module/path v1.2.3");
                    excludes.Add(new ModuleVersion(xPath, xVersion, s.Position));
                    break;
                case "replace": replaces.Add(ModDirectives.ParseReplace(s, file)); break;
                case "retract": retracts.Add(ParseRetract(s, file)); break;
                case "tool": tools.Add(new ModPathDirective(ModDirectives.Single(s, file, "tool example.com/cmd/tool").Text, s.Position)); break;
                case "ignore": ignores.Add(new ModPathDirective(ModDirectives.Single(s, file, "ignore ./folder").Text, s.Position)); break;
                default: unknown.Add(s); break;
            }
        }
        if (module is null) throw ModDirectives.Error(file, new SourcePosition(1, 1), "no module directive: add 'module <module path>' at the top");
        return new GoModFile(file, module, go, toolchain, godebug, requires, excludes, replaces, retracts)
        {
            ModulePosition = modulePosition,
            Tools = tools,
            Ignores = ignores,
            Warnings = unknown.Warnings,
        };
    }

    private const string Known = "go.mod knows module, go, toolchain, godebug, require, exclude, replace, retract, tool, ignore";

    private static (string Path, string Version) PathAndVersion(ModStatement s, string file, string usage)
    {
        if (s.Args.Count != 2) throw ModDirectives.Error(file, s.Position, $"usage: {usage}");
        return (ModDirectives.ModulePath(s.Args[0], file), ModDirectives.Version(s.Args[1], file));
    }

    private static bool IsIndirect(string? comment)
    {
        if (comment is null) return false;
        var text = comment.Trim();
        return text == "indirect" || text.StartsWith("indirect;", StringComparison.Ordinal);
    }

    private static ModRetraction ParseRetract(ModStatement s, string file)
    {
        var args = s.Args;
        var rationale = string.Join("\n", s.Comments.Select(c => c.Trim()));
        if (args.Count == 1)
        {
            var v = ModDirectives.Version(args[0], file);
            return new ModRetraction(v, v, rationale, s.Position);
        }
        if (args.Count == 5 && args[0].Kind == ModTokenKind.LBracket && args[2].Kind == ModTokenKind.Comma && args[4].Kind == ModTokenKind.RBracket)
        {
            var low = ModDirectives.Version(args[1], file);
            var high = ModDirectives.Version(args[3], file);
            return new ModRetraction(low, high, rationale, s.Position);
        }
        throw ModDirectives.Error(file, s.Position, "usage: retract v1.2.3 | retract [v1.0.0, v1.2.3]");
    }
}
