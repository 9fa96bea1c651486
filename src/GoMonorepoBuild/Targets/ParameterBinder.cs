namespace GoMonorepoBuild.Targets;

/// <summary>A parameter's value and where it came from (for <c>--plan</c> and errors).</summary>
internal sealed record BoundParameter(ParameterDescriptor Parameter, object? Value, string Source);

/// <summary>What the parameter files say besides parameters: targets to run and to skip.</summary>
internal sealed record BoundParameters(IReadOnlyList<BoundParameter> Values, IReadOnlyList<string>? FileTargets, IReadOnlyList<string>? FileSkip)
{
    public void ApplyTo(BuildBase build)
    {
        foreach (var bound in Values)
        {
            bound.Parameter.SetValue(build, bound.Value);
            build.SetParameterSource(bound.Parameter.Name, Path.IsPathRooted(bound.Source)
                ? Path.GetRelativePath(build.RootDirectory, bound.Source) : bound.Source);
        }
    }
}

/// <summary>
/// Gives each parameter its value from, highest first: the command line, the environment (exact member name, then
/// UPPER_SNAKE_CASE or any spelling that differs only in case and underscores), <c>.nuke/parameters.&lt;profile&gt;.json</c>,
/// <c>.nuke/parameters.json</c>. Parameters no source mentions keep their initial value. All inputs are explicit.
/// </summary>
internal static class ParameterBinder
{
    const string FileTargetKey = "target", FileSkipKey = "skip";

    public static BoundParameters Bind(IReadOnlyList<ParameterDescriptor> parameters, CommandLine commandLine,
        IReadOnlyDictionary<string, string> environment, string rootDirectory)
    {
        FailOnUnknownOptions(parameters, commandLine);
        var files = Files(rootDirectory, commandLine.ValuesOf("profile") ?? []);
        foreach (var file in files)
            FailOnUnknownKeys(parameters, file);

        var bound = new List<BoundParameter>();
        foreach (var parameter in parameters)
        {
            var found = FromCommandLine(parameter, commandLine) ?? FromEnvironment(parameter, environment) ?? FromFiles(parameter, files);
            if (found is not { } source) continue;
            var value = ValueConverter.Convert(source.Words, parameter.Type, parameter.Separator,
                problem => $"Parameter {parameter.CliName} (from {source.Origin}) {problem}.");
            bound.Add(new BoundParameter(parameter, value, source.Origin));
        }

        IReadOnlyList<string>? FileList(string key) =>
            files.Select(f => f.Values.FirstOrDefault(kv => Names.Canonical(kv.Key) == key).Value).LastOrDefault(v => v is not null);
        return new BoundParameters(bound, FileList(FileTargetKey), FileList(FileSkipKey));
    }

    static (IReadOnlyList<string> Words, string Origin)? FromCommandLine(ParameterDescriptor parameter, CommandLine commandLine)
    {
        var occurrences = commandLine.ParameterOptions.Where(o => o.Canonical == Names.Canonical(parameter.Name)).ToList();
        if (occurrences.Count == 0) return null;
        var isList = (Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type).IsArray;
        // Lists gather every occurrence; for a scalar the last occurrence wins.
        IReadOnlyList<string> words = isList ? occurrences.SelectMany(o => o.Values).ToList() : occurrences[^1].Values;
        return (words, "the command line");
    }

    static (IReadOnlyList<string> Words, string Origin)? FromEnvironment(ParameterDescriptor parameter, IReadOnlyDictionary<string, string> environment)
    {
        // An empty variable counts as unset: CI systems often define every variable a workflow mentions.
        bool IsSet(string name) => environment.TryGetValue(name, out var value) && value.Length > 0;
        var name = IsSet(parameter.Name) ? parameter.Name
            : IsSet(parameter.EnvironmentName) ? parameter.EnvironmentName
            : environment.Keys.FirstOrDefault(k => Names.Canonical(k) == Names.Canonical(parameter.Name) && IsSet(k));
        return name is null ? null : ([environment[name]], $"environment variable {name}");
    }

    static (IReadOnlyList<string> Words, string Origin)? FromFiles(ParameterDescriptor parameter, IReadOnlyList<ParametersFile> files)
    {
        // The last file read (the profile) overrides the base file.
        for (var i = files.Count - 1; i >= 0; i--)
            foreach (var (key, words) in files[i].Values)
                if (Names.Same(key, parameter.Name))
                    return (words, files[i].Path);
        return null;
    }

    static List<ParametersFile> Files(string rootDirectory, IReadOnlyList<string> profiles)
    {
        var files = new List<ParametersFile>();
        if (ParametersFile.Read(ParametersFile.PathFor(rootDirectory, null)) is { } baseFile)
            files.Add(baseFile);
        foreach (var profile in profiles)
        {
            var path = ParametersFile.PathFor(rootDirectory, profile);
            files.Add(ParametersFile.Read(path)
                      ?? throw new UsageException($"Profile '{profile}' has no file: create {path} or drop --profile {profile}."));
        }
        return files;
    }

    static void FailOnUnknownOptions(IReadOnlyList<ParameterDescriptor> parameters, CommandLine commandLine)
    {
        foreach (var option in commandLine.ParameterOptions)
        {
            if (parameters.Any(p => Names.Canonical(p.Name) == option.Canonical)) continue;
            var known = parameters.Select(p => p.CliName).Concat(CommandLine.BuiltInOptions.Append("plan").Append("help").Select(n => "--" + n));
            var closest = Names.Closest(option.Name, known);
            throw new UsageException($"Unknown option '{(option.Name.Length == 1 ? "-" : "--")}{option.Name}'." +
                                     (closest is null ? "" : $" Did you mean {closest}?") + " Run with --help to list the parameters.");
        }
    }

    static void FailOnUnknownKeys(IReadOnlyList<ParameterDescriptor> parameters, ParametersFile file)
    {
        foreach (var key in file.Values.Keys)
        {
            var canonical = Names.Canonical(key);
            if (canonical is FileTargetKey or FileSkipKey || parameters.Any(p => Names.Canonical(p.Name) == canonical)) continue;
            var closest = Names.Closest(key, parameters.Select(p => p.Name));
            throw new UsageException($"{file.Path}: unknown parameter \"{key}\"." +
                                     (closest is null ? "" : $" Did you mean \"{closest}\"?") + " Run with --help to list the parameters.");
        }
    }
}
