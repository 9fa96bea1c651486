using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;
using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Docs;

/// <summary>
/// docs/reference.md, generated from a build class so it cannot drift from the code: its targets, its parameters
/// (with their command-line, environment and parameters.json spellings and defaults), the built-in options, and the
/// members of the framework's base classes a build may use or override, with their XML summaries.
/// </summary>
internal static class ReferenceDocument
{
    const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static string Generate(BuildBase build)
    {
        var parameters = ParameterDescriptor.Discover(build.GetType());
        var targets = TargetCatalog.Create(build, parameters).Where(t => t.Listed).ToList();
        var docs = XmlDocumentation.For(typeof(BuildBase).Assembly);
        var text = new StringBuilder();
        text.AppendLine("# Reference");
        text.AppendLine();
        text.AppendLine("<!-- Generated from the code by GoMonorepoBuild.Docs.ReferenceDocument; do not edit by hand.");
        text.AppendLine("     Regenerate: GMB_UPDATE_DOCS=1 dotnet test tests/GoMonorepoBuild.Tests --filter FullyQualifiedName~ReferenceDocs -->");
        text.AppendLine();
        text.AppendLine("Every target and parameter a build deriving from `MonorepoBuild` has. `./build.sh --help` prints the same for");
        text.AppendLine("your own build, including the targets and parameters you add; `./build.sh <Target> --plan` shows what would run.");
        WriteTargets(text, targets);
        WriteComponents(text, build.GetType());
        WriteParameters(text, parameters, build);
        WriteOptions(text, targets, parameters);
        WriteMembers(text, docs, parameters);
        return text.ToString().ReplaceLineEndings("\n");
    }

    static void WriteTargets(StringBuilder text, IReadOnlyList<ExecutableTarget> targets)
    {
        text.AppendLine();
        text.AppendLine("## Targets");
        text.AppendLine();
        text.AppendLine("| Target | What it does | Depends on | Runs after | Triggers |");
        text.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var target in targets)
            text.AppendLine($"| `{target.Name}` | {Cell(target.Description)} | {Names(target.DependsOn)} | {Names(target.After)} | {Names(target.Triggers)} |");
        text.AppendLine();
        text.AppendLine("A target's dependencies run first, in dependency order; `--skip <Target>` leaves one out.");
    }

    /// <summary>
    /// The components the build composes (interfaces that declare targets or parameters), so a build can pick some of them
    /// and see which parameters each brings.
    /// </summary>
    static void WriteComponents(StringBuilder text, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type buildType)
    {
        static List<Type> Components([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type type) =>
            type.GetInterfaces().Where(i => ComponentTypes.Kept(i).GetProperties().Any(p => p.PropertyType == typeof(Target) || ParameterOf(p) is not null))
                .OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        var components = Components(buildType);
        if (components.Count == 0) return;
        text.AppendLine();
        text.AppendLine("## Components");
        text.AppendLine();
        text.AppendLine("The interfaces whose targets and parameters the build composes. A build deriving from `MonorepoBuildCore` lists only those it");
        text.AppendLine("wants; each brings the components it derives from (see docs/concepts.md, \"Composing targets\"), and the");
        text.AppendLine("parameters it and they declare: a build has a parameter only with a component that reads it.");
        text.AppendLine();
        text.AppendLine("| Component | Targets | Parameters | Derives from |");
        text.AppendLine("| --- | --- | --- | --- |");
        foreach (var interfaceType in components)
        {
            var component = ComponentTypes.Kept(interfaceType);
            var targets = component.GetProperties().Where(p => p.PropertyType == typeof(Target)).Select(p => p.Name);
            var parameters = component.GetProperties().Select(p => ParameterOf(p) is { } parameter ? parameter.Name ?? p.Name : null).OfType<string>();
            text.AppendLine($"| `{component.Name}` | {Names(targets)} | {Names(parameters)} | {Names(Components(component).Select(c => c.Name))} |");
        }
    }

    static ParameterAttribute? ParameterOf(PropertyInfo property) => property.GetCustomAttribute<ParameterAttribute>();

    static void WriteParameters(StringBuilder text, IReadOnlyList<ParameterDescriptor> parameters, BuildBase build)
    {
        text.AppendLine();
        text.AppendLine("## Parameters");
        text.AppendLine();
        text.AppendLine("Each parameter is read from (highest first) the command line, the environment (the exact name or");
        text.AppendLine("UPPER_SNAKE_CASE), `.nuke/parameters.<profile>.json` with `--profile <profile>`, then `.nuke/parameters.json`");
        text.AppendLine("(the PascalCase name as key). Lists take comma-separated values or repeated options; in JSON, an array.");
        text.AppendLine("Names and choices match case-insensitively, ignoring dashes: `--missing-base build-all` is `BuildAll`.");
        text.AppendLine();
        text.AppendLine("| Parameter | Command line | Environment | Type | Default | Description |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var parameter in parameters)
            text.AppendLine($"| `{parameter.Name}` | `{parameter.CliName}` | `{parameter.EnvironmentName}` | {TypeOf(parameter.Type)} | " +
                            $"{DefaultOf(parameter.GetValue(build))} | {Cell(parameter.Description)} |");
    }

    static void WriteOptions(StringBuilder text, IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterDescriptor> parameters)
    {
        // The help text's own list, so the reference and --help never disagree.
        using var help = new StringWriter();
        HelpText.Write(help, targets, [], parameters, _ => null);
        var lines = help.ToString().ReplaceLineEndings("\n").Split('\n');
        var options = lines.SkipWhile(l => l != "Options:").Skip(1).Where(l => l.Trim().Length > 0)
            .Select(l => l.Trim()).ToList();
        text.AppendLine();
        text.AppendLine("## Built-in options");
        text.AppendLine();
        text.AppendLine("| Option | What it does |");
        text.AppendLine("| --- | --- |");
        foreach (var line in options)
        {
            var split = line.IndexOf("  ", StringComparison.Ordinal);
            var (option, meaning) = split < 0 ? (line, "") : (line[..split], line[split..].Trim());
            text.AppendLine($"| `{option}` | {Cell(meaning)} |");
        }
        text.AppendLine();
        text.AppendLine("Exit codes: 0 success, 1 a target failed, 2 a usage or build-definition error, 130 cancelled (Ctrl+C, SIGTERM).");
    }

    static void WriteMembers(StringBuilder text, XmlDocumentation docs, IReadOnlyList<ParameterDescriptor> parameters)
    {
        // A parameter's property (MonorepoBuildCore's implements its component's) is listed with the parameters.
        var parameterMembers = parameters.Select(p => (p.Member.DeclaringType, p.Member.Name)).ToHashSet();
        text.AppendLine();
        text.AppendLine("## Members for your build class");
        text.AppendLine();
        text.AppendLine("What `build/Build.cs` can use (public and protected members of the base classes) and override (`virtual`).");
        text.AppendLine("Targets and parameters are listed above.");
        // One call per class, not a loop over an array of them: the trim analysis follows a typeof to its annotated parameter.
        WriteMembersOf(text, docs, parameterMembers, typeof(MonorepoBuild));
        WriteMembersOf(text, docs, parameterMembers, typeof(MonorepoBuildCore));
        WriteMembersOf(text, docs, parameterMembers, typeof(BuildBase));
    }

    static void WriteMembersOf(StringBuilder text, XmlDocumentation docs, HashSet<(Type?, string)> parameterMembers,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type type)
    {
        text.AppendLine();
        text.AppendLine($"### {type.Name}");
        text.AppendLine();
        var summary = docs.Summary(type);
        if (summary.Length > 0)
        {
            text.AppendLine(Cell(summary));
            text.AppendLine();
        }
        var members = UsableMembers(type).Where(m => !parameterMembers.Contains((m.DeclaringType, m.Name))).ToList();
        if (members.Count == 0)
        {
            text.AppendLine("No members besides its targets.");
            return;
        }
        text.AppendLine("| Member | What it is |");
        text.AppendLine("| --- | --- |");
        foreach (var member in members)
            text.AppendLine($"| `{Signature(member)}` | {Cell(docs.Summary(member))} |");
    }

    static IEnumerable<MemberInfo> UsableMembers([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type type) =>
        type.GetMembers(Declared)
            .Where(m => m switch
            {
                PropertyInfo p => p.PropertyType != typeof(Target) && p.GetCustomAttribute<ParameterAttribute>() is null &&
                                  p.GetMethod is { } get && Visible(get),
                MethodInfo method => !method.IsSpecialName && Visible(method) && method.DeclaringType == type,
                _ => false,
            })
            .OrderBy(m => m.Name, StringComparer.Ordinal);

    static bool Visible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    static string Signature(MemberInfo member)
    {
        var nullability = new NullabilityInfoContext();
        var method = member as MethodInfo ?? ((PropertyInfo)member).GetMethod!;
        var modifiers = (method.IsPublic ? "public" : "protected") +
                        (method.IsStatic ? " static" : "") +
                        (method.IsAbstract ? " abstract" : method.IsVirtual && !method.IsFinal ? " virtual" : "");
        if (member is PropertyInfo property)
        {
            var set = property.SetMethod is { } setter && Visible(setter) ? " set;" : "";
            return $"{modifiers} {CSharpNames.Of(nullability.Create(property))} {property.Name} {{ get;{set} }}";
        }
        var generic = method.IsGenericMethod ? $"<{string.Join(", ", method.GetGenericArguments().Select(a => a.Name))}>" : "";
        var arguments = string.Join(", ", method.GetParameters().Select(p => $"{CSharpNames.Of(nullability.Create(p))} {p.Name}"));
        return $"{modifiers} {CSharpNames.Of(nullability.Create(method.ReturnParameter))} {method.Name}{generic}({arguments})";
    }

    static string TypeOf(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsArray) return "list of " + TypeOf(underlying.GetElementType()!);
        if (underlying.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(underlying).Select(n => $"`{n.ToLowerInvariant()}`"));
        return underlying == typeof(bool) ? "`true`/`false`"
            : underlying == typeof(string) ? "text"
            : underlying == typeof(int) || underlying == typeof(long) ? "whole number"
            : underlying == typeof(TimeSpan) ? "duration"
            : CSharpNames.Of(underlying);
    }

    static string DefaultOf(object? value) => value switch
    {
        null => "",
        string { Length: 0 } => "",
        string text => $"`{Cell(text)}`",
        Array { Length: 0 } => "",
        Array array => $"`{Cell(string.Join(',', array.Cast<object>()))}`",
        bool flag => flag ? "`true`" : "`false`",
        Enum choice => $"`{choice.ToString().ToLowerInvariant()}`",
        _ => $"`{value}`",
    };

    static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"`{n}`"));

    /// <summary>One table cell: pipes escaped, and angle brackets outside code spans, which Markdown would take for HTML.</summary>
    static string Cell(string text) =>
        string.Join('`', text.ReplaceLineEndings(" ").Split('`').Select((part, i) =>
            i % 2 == 1 ? part : part.Replace("<", "&lt;").Replace(">", "&gt;"))).Replace("|", "\\|");
}
