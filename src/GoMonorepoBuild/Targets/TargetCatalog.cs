using System.Collections.Immutable;
using System.Reflection;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// Finds the build's targets (<see cref="TargetDiscovery"/>: the class hierarchy's and its components'), runs each factory
/// once against a recording definition and normalises the dependencies.
/// </summary>
internal static class TargetCatalog
{
    public static IReadOnlyList<ExecutableTarget> Create(BuildBase build, IReadOnlyList<ParameterDescriptor> parameters)
    {
        var properties = TargetDiscovery.Find(build.GetType());

        // A factory's lambda is identified by its method: each property read returns a new delegate (it captures
        // 'this'), but always over the same compiled method, which is also what a DependsOn(Other) argument carries.
        var nameByMethod = new Dictionary<MethodInfo, string>();
        var factories = new List<(string Name, Target Factory)>();
        foreach (var property in properties)
        {
            var factory = (Target?)property.GetValue(build)
                          ?? throw new UsageException($"Target '{property.Name}' is null; give it a value like '_ => _.Executes(...)'.");
            nameByMethod.TryAdd(factory.Method, property.Name);
            factories.Add((property.Name, factory));
        }

        var definitions = factories.Select(f =>
        {
            var definition = new TargetDefinition();
            f.Factory(definition);
            return (f.Name, Definition: definition);
        }).ToList();

        string NameOf(Target target, string owner, string relation) =>
            nameByMethod.TryGetValue(target.Method, out var name)
                ? name
                : throw new UsageException(
                    $"Target '{owner}' {relation} a target that is not a property of {build.GetType().Name}; pass the target property itself.");

        ImmutableArray<string> Names(string owner, string relation, IEnumerable<Target> own,
            Func<TargetDefinition, List<Target>> inverse)
        {
            var names = own.Select(t => NameOf(t, owner, relation)).ToList();
            foreach (var (other, definition) in definitions)
                if (inverse(definition).Any(t => NameOf(t, other, relation) == owner))
                    names.Add(other);
            return [.. names.Distinct()];
        }

        var targets = definitions.Select(d => new ExecutableTarget(d.Name)
        {
            Description = d.Definition.Description,
            DependsOn = Names(d.Name, "depends on", d.Definition.DependsOnTargets, x => x.DependentForTargets),
            After = Names(d.Name, "runs after", d.Definition.AfterTargets, x => x.BeforeTargets),
            Triggers = Names(d.Name, "triggers", d.Definition.TriggersTargets, x => x.TriggeredByTargets),
            StaticConditions = [.. d.Definition.StaticConditions],
            DynamicConditions = [.. d.Definition.DynamicConditions],
            Requirements = [.. d.Definition.Requirements.Select(r => Requirement.From(r, build, parameters))],
            WhenSkipped = d.Definition.SkipBehavior,
            ProceedAfterFailure = d.Definition.Proceeds,
            AssuredAfterFailure = d.Definition.Assured,
            Listed = d.Definition.Listed,
            Actions = [.. d.Definition.Actions],
        }).ToList();

        foreach (var target in targets)
            if (target.DependsOn.Contains(target.Name) || target.After.Contains(target.Name) || target.Triggers.Contains(target.Name))
                throw new UsageException($"Target '{target.Name}' depends on itself; remove it from its own DependsOn/After/Triggers.");
        return targets;
    }
}
