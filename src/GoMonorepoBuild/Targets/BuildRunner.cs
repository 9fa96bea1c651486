namespace GoMonorepoBuild.Targets;

/// <summary>
/// One build run: read targets and parameters, bind, plan, then print help or the plan, or execute and print the summary.
/// Returns the exit code (<see cref="ExitCodes"/>); usage errors are printed, never thrown.
/// </summary>
internal static class BuildRunner
{
    public static async Task<int> RunAsync(BuildBase build, IReadOnlyList<string> defaultTargets, BuildInvocation invocation)
    {
        Log.Output = new LogOutput(invocation.Out, invocation.Error, Verbosity.Normal);
        try
        {
            var parameters = ParameterDescriptor.Discover(build.GetType());
            FailOnReservedNames(parameters);
            var commandLine = CommandLine.Parse(invocation.Arguments, name => parameters.Any(p =>
                Names.Canonical(p.Name) == name && (Nullable.GetUnderlyingType(p.Type) ?? p.Type) == typeof(bool)));
            Log.Output = Log.Output.WithVerbosity(VerbosityOf(commandLine));

            build.RootDirectory = RootDirectoryLocator.Find(invocation.WorkingDirectory, commandLine.ValuesOf("root")?.LastOrDefault(),
                invocation.Environment.GetValueOrDefault("GMB_ROOT"));
            var targets = TargetCatalog.Create(build, parameters);
            UpdateSchema(build.RootDirectory, parameters, targets);

            if (commandLine.Has("help", "h"))
            {
                HelpText.Write(invocation.Out, targets, defaultTargets, parameters, p => p.GetValue(build));
                return ExitCodes.Success;
            }

            var bound = ParameterBinder.Bind(parameters, commandLine, invocation.Environment, build.RootDirectory);
            bound.ApplyTo(build);
            build.StartRun(RunContext.From(invocation));

            var invoked = commandLine.InvokedTargets.Count > 0 ? commandLine.InvokedTargets : bound.FileTargets ?? [];
            var plan = ExecutionPlanner.Plan(targets, invoked, defaultTargets);
            if (plan.Targets.Length == 0)
                throw new UsageException("Nothing to run: name a target (see --help); this build has no default target.");
            plan = SkipRules.Apply(plan, targets, commandLine.ValuesOf("skip") ?? bound.FileSkip,
                target => target.StaticConditions.All(condition => condition()));

            if (commandLine.Has("plan"))
            {
                PlanText.Write(invocation.Out, plan, targets);
                return ExitCodes.Success;
            }

            FailOnMissingRequirements(plan, targets);
            using var runLock = await RunLock.AcquireAsync(build.RootDirectory, Log.Warning, invocation.CancellationToken);
            build.Planned([.. plan.Targets.Where(t => !t.IsSkipped).Select(t => t.Name)]);
            var results = await BuildExecutor.RunAsync(plan, targets, invocation.CancellationToken);
            invocation.Out.WriteLine();
            SummaryTable.Write(results, invocation.Out, invocation.Plain);
            return BuildExecutor.ExitCode(results);
        }
        catch (OperationCanceledException) when (invocation.CancellationToken.IsCancellationRequested)
        {
            // Cancelled while waiting for another run's lock: nothing ran.
            Log.Error("Cancelled before the run started.");
            return ExitCodes.Cancelled;
        }
        catch (UsageException e)
        {
            Log.Error(e.Message);
            return ExitCodes.Usage;
        }
        catch (Exception e)
        {
            // A static condition or a target factory threw: the build's own code failed before any target ran.
            Log.Error(ExceptionText.Describe(e, Log.IsVerbose));
            return ExitCodes.TargetFailed;
        }
        finally
        {
            await invocation.Out.FlushAsync();
            await invocation.Error.FlushAsync();
        }
    }

    static Verbosity VerbosityOf(CommandLine commandLine)
    {
        var value = commandLine.ValuesOf("verbosity")?.LastOrDefault();
        if (value is null) return Verbosity.Normal;
        return Enum.GetNames<Verbosity>().FirstOrDefault(n => Names.Same(n, value)) is { } name
            ? Enum.Parse<Verbosity>(name)
            : throw new UsageException($"--verbosity '{value}' is not one of quiet, normal, verbose.");
    }

    static void FailOnReservedNames(IReadOnlyList<ParameterDescriptor> parameters)
    {
        foreach (var parameter in parameters)
            if (CommandLine.BuiltInFlags.Concat(CommandLine.BuiltInOptions).Contains(Names.Canonical(parameter.Name)))
                throw new UsageException($"Parameter '{parameter.Name}' clashes with the built-in option {parameter.CliName}; rename it.");
    }

    static void FailOnMissingRequirements(ExecutionPlan plan, IReadOnlyList<ExecutableTarget> targets)
    {
        var missing = plan.Targets.Where(p => !p.IsSkipped)
            .SelectMany(p => targets.First(t => t.Name == p.Name).Requirements.Where(r => r.IsMissing)
                .Select(r => $"{p.Name} requires {r.Describe()}."))
            .Distinct()
            .ToList();
        if (missing.Count > 0)
            throw new UsageException(string.Join(Environment.NewLine, missing));
    }

    static void UpdateSchema(string rootDirectory, IReadOnlyList<ParameterDescriptor> parameters, IReadOnlyList<ExecutableTarget> targets)
    {
        try
        {
            BuildSchema.Update(rootDirectory, BuildSchema.Generate(parameters, targets));
        }
        catch (IOException e)
        {
            Log.Warning($"Could not update .nuke/build.schema.json: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            Log.Warning($"Could not update .nuke/build.schema.json: {e.Message}");
        }
    }
}
