using System.Text.Json;
using GoMonorepoBuild.Tests.Changes;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.EndToEnd;

/// <summary>
/// Issue 17 item 2 through the real build as a process: in a sparse checkout of the example monorepo that holds gateway
/// but not the libs/auth it imports, BuildChanged and Graph report gateway as not checked out, with the
/// <c>git sparse-checkout add</c> to run, never as blocked and never silently; an affected service that cannot be built
/// fails the run, an unaffected one is only a skipped row, and unaffected services wholly outside the cone stay quiet.
/// </summary>
public sealed class SparseCheckoutEndToEndTests : IDisposable
{
    const string AddAuth = "git sparse-checkout add libs/auth";
    readonly ExampleRepositoryCopy origin = new();
    readonly string clone = Path.Combine(Path.GetTempPath(), "gmb-sparse-e2e-" + Guid.NewGuid().ToString("N")[..12]);
    string baseSha = "";

    public void Dispose()
    {
        try { Directory.Delete(clone, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        origin.Dispose();
    }

    /// <summary>libs/auth changes after <see cref="baseSha"/> (gateway and payments use it); the clone checks out gateway and every library but libs/auth.</summary>
    async Task SparseCloneAsync(string mode)
    {
        baseSha = await GitCli.OutputAsync(origin.Root, "rev-parse", "HEAD");
        origin.Append("libs/auth/token.go", "\n// rotated\n");
        origin.Commit("auth");
        await GitCli.CloneAsync(origin.Root, clone);
        if (mode == "no-cone")
            await GitCli.RunAsync(clone, "sparse-checkout", "set", "--no-cone", "/*.md", "/services/gateway/", "/libs/httpx/", "/libs/logging/", "/libs/platform/");
        else await GitCli.RunAsync(clone, "sparse-checkout", "set", "--cone", "services/gateway", "libs/httpx", "libs/logging", "libs/platform");
        Assert.True(File.Exists(Path.Combine(clone, "services/gateway/go.mod"))); // the premise: gateway is here, its libs/auth is not
        Assert.False(Directory.Exists(Path.Combine(clone, "libs/auth")));
    }

    [Theory]
    [InlineData("cone")]
    [InlineData("no-cone")]
    public async Task BuildChanged_reports_an_affected_service_whose_library_is_outside_the_sparse_checkout_as_not_checked_out_and_fails(string mode)
    {
        RealEngine.Require();
        await SparseCloneAsync(mode);
        using var build = new RealBuild();

        var run = await build.RunAsync("BuildChanged", "--monorepo", clone, "--base", baseSha, "--registry", "gmb-sparse-" + Guid.NewGuid().ToString("N")[..8]);

        var output = run.StandardOutput + run.StandardError;
        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}:\n{output}");
        var rows = Rows(build);
        // payments is affected too and wholly outside: it has a row, so nothing affected goes unmentioned.
        Assert.Equal(["gateway", "payments"], rows.Keys.Order());
        Assert.Equal("skipped", rows["gateway"].GetProperty("status").GetString());
        Assert.Equal("services/gateway", rows["gateway"].GetProperty("path").GetString());
        Assert.Equal($"not checked out: libs/auth is outside the sparse checkout; run {AddAuth}", rows["gateway"].GetProperty("reason").GetString());
        Assert.Equal("skipped", rows["payments"].GetProperty("status").GetString());
        Assert.Equal("not checked out: libs/auth, libs/money, services/payments are outside the sparse checkout; " +
                     "run git sparse-checkout add libs/auth libs/money services/payments",
            rows["payments"].GetProperty("reason").GetString());
        Assert.Contains("2 affected service(s) cannot be built from this sparse checkout", output);
        Assert.Contains($"to build it here run: {AddAuth}", output);
        Assert.DoesNotContain("blocked", output);
        Assert.DoesNotContain("catalog", output); // unaffected and wholly outside: quiet
    }

    [Fact]
    public async Task BuildChanged_skips_an_unaffected_service_whose_library_is_outside_the_checkout_with_the_reason_and_succeeds()
    {
        RealEngine.Require();
        await SparseCloneAsync("cone");
        using var build = new RealBuild();

        var run = await build.RunAsync("BuildChanged", "--monorepo", clone, "--base", "HEAD", "--registry", "gmb-sparse-" + Guid.NewGuid().ToString("N")[..8]);

        var output = run.StandardOutput + run.StandardError;
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}:\n{output}");
        var gateway = Assert.Single(Rows(build)).Value;
        Assert.Equal("skipped", gateway.GetProperty("status").GetString());
        Assert.Equal($"not checked out: libs/auth is outside the sparse checkout; run {AddAuth} (the changes do not reach it, so it needs no build now)",
            gateway.GetProperty("reason").GetString());
        Assert.DoesNotContain("payments", output);
        Assert.DoesNotContain("blocked", output);
    }

    [Fact]
    public async Task Graph_marks_a_service_whose_library_is_outside_the_sparse_checkout_as_not_checked_out()
    {
        await SparseCloneAsync("cone");
        using var build = new RealBuild();

        var run = await build.RunAsync("Graph", "--monorepo", clone);

        var output = run.StandardOutput + run.StandardError;
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}:\n{output}");
        Assert.Contains($"gateway (services/gateway) not checked out: libs/auth is outside the sparse checkout; run {AddAuth}", output);
        Assert.Contains("not checked out (wholly outside the sparse checkout): catalog, inventory, orders, payments, scheduler", output);
        Assert.DoesNotContain("BLOCKED", output);
        // The written pictures use the same wording as the console, never "blocked".
        var graph = Path.Combine(build.Root, ".nuke", "temp", "graph");
        foreach (var picture in new[] { "workspace.mmd", "workspace.dot" })
        {
            var text = File.ReadAllText(Path.Combine(graph, picture));
            Assert.Contains($"not checked out: libs/auth is outside the sparse checkout; run {AddAuth}", text);
            Assert.DoesNotContain("BLOCKED", text);
        }
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(graph, "workspace.json"))))
        {
            Assert.Empty(json.RootElement.GetProperty("blockedServices").EnumerateArray());
            var leftOut = Assert.Single(json.RootElement.GetProperty("notCheckedOut").EnumerateArray(), s => s.GetProperty("name").GetString() == "gateway");
            Assert.Equal($"not checked out: libs/auth is outside the sparse checkout; run {AddAuth}", leftOut.GetProperty("reason").GetString());
        }

        // The command it gives is the fix: with libs/auth checked out, gateway is an ordinary service again.
        await GitCli.RunAsync(clone, AddAuth.Split(' ')[1..]);
        var after = await build.RunAsync("Graph", "--monorepo", clone);
        Assert.True(after.ExitCode == 0, after.StandardOutput + after.StandardError);
        Assert.DoesNotContain("gateway (services/gateway) not checked out", after.StandardOutput);
        Assert.Contains("gateway (services/gateway) module", after.StandardOutput);
    }

    static Dictionary<string, JsonElement> Rows(RealBuild build)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(build.ReportFile));
        return report.RootElement.GetProperty("services").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.Clone());
    }
}
