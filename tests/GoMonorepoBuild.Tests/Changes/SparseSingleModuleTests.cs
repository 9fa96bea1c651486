using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Tests.Affected;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Changes;

/// <summary>
/// A sparse checkout of one binary of a one-module repository (the root module holds <c>cmd/*</c>, as in ent or moby):
/// what it says to add is the other binary's own folders, not the module (<c>.</c>, which would undo the sparse
/// checkout), and the imports into left-out folders are not warnings of the run.
/// </summary>
public class SparseSingleModuleTests : IDisposable
{
    readonly TestRepository origin = new();
    readonly string clone = Path.Combine(Path.GetTempPath(), "gmb-sparse1-" + Guid.NewGuid().ToString("N")[..12]);
    readonly string baseSha;

    public SparseSingleModuleTests()
    {
        origin.Write("go.mod", "module example.com/mono\n\ngo 1.22\n")
            .Write("cmd/a/main.go", "package main\n\nfunc main() {}\n")
            .Write("cmd/b/main.go", "package main\n\nimport \"example.com/mono/pkg/x\"\n\nfunc main() { x.Do() }\n")
            .Write("pkg/x/x.go", "package x\n\nfunc Do() {}\n")
            // The root package, which a cone checkout always holds, imports a folder it leaves out.
            .Write("mono.go", "package mono\n\nimport \"example.com/mono/pkg/x\"\n\nfunc Do() { x.Do() }\n")
            .Write("internal/unused/unused.go", "package unused\n");
        baseSha = origin.Commit("base");
        // A go.mod edit reaches every binary of the module, the one left out of the checkout too.
        origin.Write("go.mod", "module example.com/mono\n\ngo 1.22\n\n// touched\n").Commit("go.mod");
    }

    public void Dispose()
    {
        try { Directory.Delete(clone, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        origin.Dispose();
    }

    async Task SparseCloneAsync()
    {
        await GitCli.CloneAsync(origin.Root, clone);
        await GitCli.RunAsync(clone, "sparse-checkout", "set", "--cone", "cmd/a");
        Assert.False(File.Exists(Path.Combine(clone, "pkg/x/x.go"))); // the premise: b's library is not checked out
    }

    Task<AffectedResult> AnalyseAsync() =>
        new AffectedAnalysis().RunAsync(new AffectedRequest(clone, ["cmd/*"]).WithBase(baseSha),
            () => GoWorkspace.Load(clone, ["cmd/*"]), TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_binary_left_out_of_a_one_module_checkout_names_its_own_folders_and_that_command_keeps_the_rest_out()
    {
        await SparseCloneAsync();

        var result = await AnalyseAsync();

        Assert.Equal(["a", "b"], result.Names());
        var b = Assert.Single(result.NotCheckedOut);
        Assert.Equal("b", b.Name);
        Assert.Equal(["cmd/b", "pkg/x"], b.Folders);

        await GitCli.RunAsync(clone, b.Command.Split(' ')[1..]);
        Assert.Empty((await AnalyseAsync()).NotCheckedOut);
        Assert.True(File.Exists(Path.Combine(clone, "pkg/x/x.go")));
        Assert.False(File.Exists(Path.Combine(clone, "internal/unused/unused.go"))); // still sparse
    }

    [Fact]
    public async Task Imports_into_left_out_folders_are_not_warnings_of_the_run()
    {
        await SparseCloneAsync();

        var run = await GoMonorepoBuild.Tests.Targets.InProcessBuild.RunAsync(new AffectedBuild(), clone,
            ["Affected", "--services", "cmd/*", "--base", baseSha]);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.DoesNotContain("which does not exist", run.Output + run.Error);
        Assert.True((run.Output + run.Error).Contains("sparse checkout: 1 warning(s)"), run.Output + run.Error);
        Assert.Contains("git sparse-checkout add cmd/b pkg/x", run.Output + run.Error);
    }
}
