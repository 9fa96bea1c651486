using System.Collections.Immutable;

namespace GoMonorepoBuild.Targets;

/// <summary>An option as typed: <c>--only a b</c> is ("only", [a, b]); <c>--push</c> is ("push", []).</summary>
internal sealed record CommandLineOption(string Name, ImmutableArray<string> Values)
{
    public string Canonical => Names.Canonical(Name);
}

/// <summary>
/// The command line split into target names and options. Targets come first (or after a flag); an option's values are
/// the words up to the next option. A flag (a bool parameter, <c>--help</c>, <c>--plan</c>) takes a value only when the
/// next word is true/false, so <c>--push Publish</c> invokes Publish.
/// </summary>
internal sealed record CommandLine(ImmutableArray<string> Targets, ImmutableArray<CommandLineOption> Options)
{
    public static readonly string[] BuiltInFlags = ["help", "h", "plan"];
    public static readonly string[] BuiltInOptions = ["skip", "target", "root", "profile", "verbosity"];

    public static CommandLine Parse(IReadOnlyList<string> args, Func<string, bool> isFlag)
    {
        var targets = ImmutableArray.CreateBuilder<string>();
        var options = ImmutableArray.CreateBuilder<CommandLineOption>();
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (!IsOption(word))
            {
                targets.Add(word);
                continue;
            }

            var name = word.TrimStart('-');
            var values = ImmutableArray.CreateBuilder<string>();
            if (name.IndexOf('=') is var equals and > 0)
            {
                values.Add(name[(equals + 1)..]);
                name = name[..equals];
            }
            else if (isFlag(Names.Canonical(name)) || BuiltInFlags.Contains(Names.Canonical(name)))
            {
                if (i + 1 < args.Count && bool.TryParse(args[i + 1], out _))
                    values.Add(args[++i]);
            }
            else
            {
                while (i + 1 < args.Count && !IsOption(args[i + 1]))
                    values.Add(args[++i]);
            }
            options.Add(new CommandLineOption(name, values.ToImmutable()));
        }
        return new CommandLine(targets.ToImmutable(), options.ToImmutable());
    }

    /// <summary>Whether any of the given (canonical) names was passed.</summary>
    public bool Has(params string[] names) => Options.Any(o => names.Contains(o.Canonical));

    /// <summary>All values of every occurrence, in order; null when the option was never passed.</summary>
    public IReadOnlyList<string>? ValuesOf(string name) =>
        Has(name) ? Options.Where(o => o.Canonical == name).SelectMany(o => o.Values).ToList() : null;

    /// <summary>The targets named positionally and through <c>--target</c>.</summary>
    public IReadOnlyList<string> InvokedTargets => [.. Targets, .. ValuesOf("target") ?? []];

    /// <summary>The options that are not the engine's own: the build's parameters (or typos).</summary>
    public IEnumerable<CommandLineOption> ParameterOptions =>
        Options.Where(o => !BuiltInFlags.Contains(o.Canonical) && !BuiltInOptions.Contains(o.Canonical));

    static bool IsOption(string word) => word.Length > 1 && word[0] == '-' && !char.IsDigit(word[1]) && word[1] != '.';
}
