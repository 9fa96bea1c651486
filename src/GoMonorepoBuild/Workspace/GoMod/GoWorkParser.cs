namespace GoMonorepoBuild.Workspace.GoMod;

/// <summary>Interprets go.work directives: go, toolchain, godebug, use, replace; an unknown directive is a warning.</summary>
internal static class GoWorkParser
{
    public static GoWorkFile Parse(string text, string file)
    {
        string? go = null, toolchain = null;
        var godebug = new List<GodebugSetting>();
        var uses = new List<WorkUse>();
        var replaces = new List<ModReplacement>();
        var unknown = new UnknownDirectives(file, "go.work knows go, toolchain, godebug, use, replace");
        foreach (var s in ModStatementReader.Read(text, file))
        {
            switch (s.Verb)
            {
                case "go": go = ModDirectives.ParseGo(s, go, file); break;
                case "toolchain": toolchain = ModDirectives.ParseToolchain(s, toolchain, file); break;
                case "godebug": godebug.Add(ModDirectives.ParseGodebug(s, file)); break;
                case "use":
                    var path = ModDirectives.Single(s, file, "use ./module/dir");
                    if (path.Text.Length == 0) throw ModDirectives.Error(file, path.Position, "use needs a directory path");
                    uses.Add(new WorkUse(path.Text, s.Position));
                    break;
                case "replace": replaces.Add(ModDirectives.ParseReplace(s, file)); break;
                default: unknown.Add(s); break;
            }
        }
        return new GoWorkFile(file, go, toolchain, godebug, uses, replaces) { Warnings = unknown.Warnings };
    }
}
