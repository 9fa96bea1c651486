using System.Reflection;

namespace GoMonorepoBuild.Targets;

/// <summary><c>--help</c>: the listed targets (description, direct dependencies, the default marked), then the parameters.</summary>
internal static class HelpText
{
    public static void Write(TextWriter writer, IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<string> defaults,
        IReadOnlyList<ParameterDescriptor> parameters, Func<ParameterDescriptor, object?> currentValue)
    {
        // Which framework this build runs, so an upgrade (a new package version) can be seen to have taken effect.
        writer.WriteLine($"GoMonorepoBuild {FrameworkVersion}");
        writer.WriteLine("Usage: ./build.sh [targets] [--parameter value ...] [--skip [targets]] [--plan] [--help]");
        writer.WriteLine();
        writer.WriteLine("Targets (default marked *):");
        var listed = targets.Where(t => t.Listed).ToList();
        var width = listed.Select(t => t.Name.Length).DefaultIfEmpty(0).Max() + 4;
        foreach (var target in listed)
        {
            var marker = defaults.Contains(target.Name) ? "* " : "  ";
            var dependencies = target.DependsOn.Length == 0 ? "" : $"  (depends on {string.Join(", ", target.DependsOn)})";
            writer.WriteLine($"  {marker}{target.Name.PadRight(width)}{target.Description}{dependencies}".TrimEnd());
        }

        writer.WriteLine();
        writer.WriteLine("Parameters (command line, environment variable, or .nuke/parameters.json):");
        var rows = parameters.Select(p => (Cli: $"{p.CliName} <{TypeHint(p.Type)}>", Parameter: p)).ToList();
        var cliWidth = rows.Select(r => r.Cli.Length).DefaultIfEmpty(0).Max() + 2;
        foreach (var (cli, parameter) in rows)
        {
            var value = Format(currentValue(parameter));
            writer.WriteLine($"  {cli.PadRight(cliWidth)}{parameter.Description}".TrimEnd());
            writer.WriteLine($"  {"".PadRight(cliWidth)}env {parameter.EnvironmentName}" + (value is null ? "" : $"; default {value}"));
        }

        writer.WriteLine();
        writer.WriteLine("Options:");
        (string Name, string Text)[] options =
        [
            ("--skip [targets]", "skip the named targets, or (alone) every target not named on the command line"),
            ("--plan", "print the execution plan and why each target is in it, without running"),
            ("--profile <name>", "also read .nuke/parameters.<name>.json"),
            ("--root <dir>", "the build's root folder (default: nearest folder upwards with .nuke/)"),
            ("--verbosity <level>", "quiet, normal or verbose (debug messages and stack traces)"),
            ("--help, -h", "this text"),
        ];
        foreach (var (name, text) in options)
            writer.WriteLine($"  {name.PadRight(cliWidth)}{text}");
    }

    /// <summary>The framework package's version (the informational version, without the source revision after '+').</summary>
    public static string FrameworkVersion =>
        typeof(HelpText).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(HelpText).Assembly.GetName().Version?.ToString() ?? "unknown";

    static string TypeHint(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsArray) return TypeHint(underlying.GetElementType()!) + ",...";
        if (underlying.IsEnum) return string.Join('|', Enum.GetNames(underlying)).ToLowerInvariant();
        return underlying switch
        {
            _ when underlying == typeof(bool) => "true|false",
            _ when underlying == typeof(string) => "text",
            _ when underlying == typeof(int) => "int",
            _ when underlying == typeof(long) => "long",
            _ when underlying == typeof(TimeSpan) => "duration",
            _ => underlying.Name.ToLowerInvariant(),
        };
    }

    static string? Format(object? value) => value switch
    {
        null => null,
        string text => text.Length == 0 ? null : text,
        Array array => array.Length == 0 ? null : string.Join(',', array.Cast<object>()),
        bool flag => flag ? "true" : null,
        _ => value.ToString(),
    };
}
