using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.EndToEnd;

/// <summary>
/// The native build (what build.sh runs on a developer's machine once compiled) against the managed one (what a fresh
/// CI clone runs): one source, two runtimes, and the answers must not depend on which one ran. Runs where the Test
/// target compiled the native build (GMB_TEST_BUILD); under a plain `dotnet test` there is none to compare.
/// </summary>
public class NativeBuildEndToEndTests
{
    [Fact]
    public async Task The_native_build_decides_what_is_affected_exactly_as_the_managed_build()
    {
        if (RealBuild.NativeExecutable() is null) Assert.Skip("no native build under test (run through ./build.sh Test on a machine with clang)");
        using var example = new ExampleRepositoryCopy();
        var baseSha = example.Commit("base");
        example.Append("libs/logging/logging.go", "\n// edited\n");
        File.Delete(example.PathOf("libs/logging/logging_test.go"));
        example.Commit("edit a lib, delete a file");
        example.Append("services/gateway/cmd/gateway/main.go", "\n// uncommitted\n");
        using var native = new RealBuild();
        using var managed = new RealBuild();
        string[] arguments = ["Affected", "--monorepo", example.Root, "--base", baseSha, "--output"];

        var nativeRun = await native.RunAsync([.. arguments, Path.Combine(native.Root, "affected.json")]);
        var managedRun = await managed.RunManagedAsync([.. arguments, Path.Combine(managed.Root, "affected.json")]);

        Assert.True(nativeRun.ExitCode == 0, nativeRun.StandardOutput + nativeRun.StandardError);
        Assert.True(managedRun.ExitCode == 0, managedRun.StandardOutput + managedRun.StandardError);
        var nativeJson = File.ReadAllText(Path.Combine(native.Root, "affected.json"));
        Assert.Contains("\"gateway\"", nativeJson);
        Assert.Equal(File.ReadAllText(Path.Combine(managed.Root, "affected.json")), nativeJson);
    }

    [Fact]
    public async Task The_native_build_generates_the_same_Dockerfiles_and_graph_as_the_managed_build()
    {
        if (RealBuild.NativeExecutable() is null) Assert.Skip("no native build under test (run through ./build.sh Test on a machine with clang)");
        using var example = new ExampleRepositoryCopy();
        using var native = new RealBuild();
        using var managed = new RealBuild();

        var nativeFiles = await WrittenFiles(native, example, managedRun: false);
        var managedFiles = await WrittenFiles(managed, example, managedRun: true);

        Assert.Contains(Path.Combine("graph", "workspace.json"), nativeFiles.Keys);
        Assert.Contains(nativeFiles.Keys, f => f.EndsWith("Dockerfile", StringComparison.Ordinal));
        Assert.Equal(managedFiles, nativeFiles);
    }

    /// <summary>The graph files and the generated Dockerfiles a run of Graph and GenerateDockerfiles writes, by relative path.</summary>
    static async Task<SortedDictionary<string, string>> WrittenFiles(RealBuild build, ExampleRepositoryCopy example, bool managedRun)
    {
        foreach (var target in new[] { "Graph", "GenerateDockerfiles" })
        {
            string[] arguments = [target, "--monorepo", example.Root];
            var result = managedRun ? await build.RunManagedAsync(arguments) : await build.RunAsync(arguments);
            Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        }
        var temp = Path.Combine(build.Root, ".nuke", "temp");
        var files = Directory.EnumerateFiles(Path.Combine(temp, "graph"))
            .Concat(Directory.EnumerateFiles(Path.Combine(temp, "docker"), "Dockerfile*", SearchOption.AllDirectories));
        return new(files.ToDictionary(f => Path.GetRelativePath(temp, f), File.ReadAllText), StringComparer.Ordinal);
    }
}
