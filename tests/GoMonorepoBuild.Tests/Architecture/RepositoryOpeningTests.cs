using Mono.Cecil;
using Mono.Cecil.Cil;

namespace GoMonorepoBuild.Tests.Architecture;

/// <summary>
/// Only named stages open git repositories (issue 18): the run's repository is opened by <c>Changes/RunRepository</c>
/// alone, once per run, and every stage reads it through that handle; the one other opener is the submodule reader,
/// which opens a submodule's own repository. Read from the compiled code (every <c>new Repository(…)</c> and
/// <c>Repository.Init/Clone</c>), lambdas and iterators counted as the type that wrote them.
/// </summary>
public class RepositoryOpeningTests
{
    [Fact]
    public void Only_the_run_repository_and_the_submodule_reader_open_git_repositories()
    {
        using var module = ModuleDefinition.ReadModule(typeof(MonorepoBuild).Assembly.Location);
        var openers = module.GetTypes()
            .SelectMany(t => t.Methods)
            .Where(m => m.HasBody && m.Body.Instructions.Any(Opens))
            .Select(m => $"{Outermost(m.DeclaringType).FullName}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(["GoMonorepoBuild.Changes.RunRepository", "GoMonorepoBuild.Changes.SubmoduleChanges"], openers);
    }

    static bool Opens(Instruction instruction) => instruction.Operand is MethodReference method
        && method.DeclaringType.FullName == "LibGit2Sharp.Repository"
        && (instruction.OpCode == OpCodes.Newobj || method.Name is "Init" or "Clone");

    static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type;
    }
}
