using Mono.Cecil;
using Mono.Cecil.Cil;

namespace GoMonorepoBuild.Tests.Architecture;

/// <summary>
/// The build runs as a Native AOT executable, where LibGit2Sharp 0.32's answers through a <c>git_buf</c> (a class
/// marshalled in only) come back empty (libgit2/libgit2sharp#2187; BENCHMARKS.md, "Native AOT: LibGit2Sharp calls").
/// Nothing in src/ calls the LibGit2Sharp members that depend on one; the JIT-run suite would never notice. Read from
/// the compiled code.
/// </summary>
public class NativeAotGitCallsTests
{
    /// <summary>Members whose answer (or whose configuration's files) come through a git_buf, by declaring type.</summary>
    static readonly Dictionary<string, string[]> Broken = new()
    {
        ["LibGit2Sharp.Repository"] = ["Discover", "get_Config"], // git_repository_discover, git_config_find_global/xdg/system
        ["LibGit2Sharp.RepositoryInformation"] = ["get_Message"], // git_repository_message
        ["LibGit2Sharp.GlobalSettings"] = ["GetConfigSearchPaths"], // git_libgit2_opts(GET_SEARCH_PATH)
        ["LibGit2Sharp.Branch"] = ["get_TrackedBranch", "get_RemoteName", "get_UpstreamBranchCanonicalName", "get_IsTracking", "get_TrackingDetails"],
        ["LibGit2Sharp.ObjectDatabase"] = ["ShortenObjectId"],
        ["LibGit2Sharp.Blob"] = ["GetContentStream"], // with FilteringOptions only: git_blob_filtered_content
        ["LibGit2Sharp.Commit"] = ["ExtractSignature", "PrettifyMessage", "CreateBuffer"],
        ["LibGit2Sharp.Worktree"] = ["get_IsLocked", "get_LockReason"],
    };

    [Fact]
    public void Nothing_in_src_calls_a_LibGit2Sharp_member_that_answers_through_a_git_buf()
    {
        using var module = ModuleDefinition.ReadModule(typeof(MonorepoBuild).Assembly.Location);
        var calls = module.GetTypes()
            .SelectMany(t => t.Methods)
            .Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions.Where(Calls).Select(i => $"{m.DeclaringType.FullName}.{m.Name} -> {Describe((MethodReference)i.Operand)}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Empty(calls);
    }

    static bool Calls(Instruction instruction) => instruction.Operand is MethodReference method
        && Broken.TryGetValue(method.DeclaringType.FullName, out var names) && names.Contains(method.Name)
        // Blob's unfiltered content is read with the pointer libgit2 returns, not a git_buf.
        && !(method.Name == "GetContentStream" && !method.HasParameters);

    static string Describe(MethodReference method) => $"{method.DeclaringType.FullName}.{method.Name}";
}
