using System.Diagnostics;
using GoMonorepoBuild.Affected;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Tests.Acceptance;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>
/// Acceptance on moby's real layout (issue 16; runs only where ../shared/corpus exists): the root module vendors its
/// dependencies and builds two binaries, dockerd and docker-proxy. A committed change to a vendored package affects the
/// services that import it, with <c>--head</c> a commit as with the working tree. Figures: BENCHMARKS.md
/// ("Vendored changes on moby"), reproduced by <c>benchmarks/corpus-vendor.sh</c>.
/// </summary>
public class MobyVendorAcceptanceTests
{
    static readonly string[] Services = ["cmd/dockerd", "cmd/docker-proxy"];

    [Fact]
    public async Task A_committed_change_to_a_vendored_package_affects_exactly_the_moby_services_importing_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var scratch = Directory.CreateTempSubdirectory("gmb-moby-").FullName;
        try
        {
            var moby = await Corpus.UnpackAsync("moby", scratch);
            var snapshot = await GitCli.OutputAsync(moby, "rev-parse", "HEAD");

            // One commit per case, so each is analysed alone (base = its parent, head = the commit).
            var unused = await CommitAsync(moby, "vendor/github.com/gogo/protobuf/protoc-gen-gogo/main.go", "// a tool, imported by no service\n");
            var assembly = await CommitAsync(moby, "vendor/golang.org/x/sys/unix/asm_linux_amd64.s", "// both binaries reach x/sys/unix\n");
            var locker = await CommitAsync(moby, "vendor/github.com/moby/locker/locker.go", "// only dockerd imports moby/locker\n");

            var atUnused = await AnalyseAsync(moby, snapshot, unused, ct);
            Assert.Empty(atUnused.Names());
            Assert.StartsWith("in a vendored package", atUnused.IgnoredReason("vendor/github.com/gogo/protobuf/protoc-gen-gogo/main.go"));

            var atAssembly = await AnalyseAsync(moby, unused, assembly, ct);
            Assert.Equal(["docker-proxy", "dockerd"], atAssembly.Names().Order(StringComparer.Ordinal));
            Assert.Contains("vendored package golang.org/x/sys/unix", atAssembly.ReasonOf("docker-proxy").ChainText);

            var atLocker = await AnalyseAsync(moby, assembly, locker, ct);
            Assert.Equal(["dockerd"], atLocker.Names());
            Assert.StartsWith("vendor/github.com/moby/locker/locker.go -> vendored package github.com/moby/locker (module github.com/moby/locker ",
                atLocker.ReasonOf("dockerd").ChainText);

            // The working tree (= the last commit) as the head gives the same answer.
            var workTree = await AnalyseAsync(moby, assembly, null, ct);
            Assert.Equal(["dockerd"], workTree.Names());
            Assert.Equal(atLocker.ReasonOf("dockerd").ChainText, workTree.ReasonOf("dockerd").ChainText);
        }
        finally
        {
            DeleteScratch(scratch);
        }
    }

    /// <summary>git may still be packing objects in the background after the commits (gc --auto): retry, then leave it.</summary>
    static void DeleteScratch(string scratch)
    {
        for (var attempt = 0; attempt < 5 && Directory.Exists(scratch); attempt++)
        {
            try { Directory.Delete(scratch, recursive: true); }
            catch (IOException) { Thread.Sleep(500); }
        }
    }

    static async Task<string> CommitAsync(string repository, string path, string appended)
    {
        await File.AppendAllTextAsync(Path.Combine(repository, path), appended, TestContext.Current.CancellationToken);
        await GitCli.RunAsync(repository, "-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "-c", "gc.auto=0",
            "commit", "-q", "-a", "-m", "change " + path);
        return await GitCli.OutputAsync(repository, "rev-parse", "HEAD");
    }

    static async Task<AffectedResult> AnalyseAsync(string moby, string @base, string? head, CancellationToken ct)
    {
        var request = new AffectedRequest(moby, Services).WithBase(@base).WithHead(head);
        var clock = Stopwatch.StartNew();
        var result = await new AffectedAnalysis().RunAsync(request, () => GoWorkspace.Load(moby, Services), ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"--head {head ?? "(working tree)"}: {result.Names().Count} affected in {clock.ElapsedMilliseconds} ms");
        return result;
    }
}
