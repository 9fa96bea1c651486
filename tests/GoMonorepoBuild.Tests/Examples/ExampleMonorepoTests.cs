using GoMonorepoBuild.Processes;
using System.Text.RegularExpressions;

namespace GoMonorepoBuild.Tests.Examples;

/// <summary>
/// The example monorepo is the fixture every later test and benchmark builds, so its promises are
/// checked here: the shape other tests rely on, and that each module compiles and passes its own tests.
/// </summary>
public class ExampleMonorepoTests
{
    public static TheoryData<string> Modules => new(ExampleMonorepo.Modules);

    public static TheoryData<string> Services => new(ExampleMonorepo.ServiceModules);

    [Fact]
    public void The_example_has_at_least_six_service_modules_each_with_a_main_package()
    {
        var services = ExampleMonorepo.ServiceModules.ToArray();
        Assert.True(services.Length >= 6, $"expected at least 6 service modules, found: {string.Join(", ", services)}");
        foreach (var service in services)
        {
            Assert.Equal($"example.com/monorepo/{service}", ModulePath(service));
            Assert.Single(ExampleMonorepo.MainPackages(service));
        }
    }

    [Fact]
    public void The_example_has_at_least_four_library_modules_and_every_one_is_used_by_a_service()
    {
        var libs = ExampleMonorepo.LibModules.ToArray();
        Assert.True(libs.Length >= 4, $"expected at least 4 lib modules, found: {string.Join(", ", libs)}");
        foreach (var lib in libs)
        {
            Assert.Equal($"example.com/monorepo/{lib}", ModulePath(lib));
            Assert.Empty(ExampleMonorepo.MainPackages(lib));
            Assert.Contains(ExampleMonorepo.ServiceModules, service => ExampleMonorepo.GoModOf(service).Contains(ModulePath(lib) + " v0.0.0"));
        }
    }

    [Fact]
    public void Every_required_library_is_replaced_by_its_folder_and_there_is_no_go_work()
    {
        Assert.False(File.Exists(Path.Combine(ExampleMonorepo.Root, "go.work")), "the example is replace-only: no go.work at its root");
        foreach (var module in ExampleMonorepo.Modules)
        {
            var goMod = ExampleMonorepo.GoModOf(module);
            Assert.Matches(new Regex(@"^go 1\.23$", RegexOptions.Multiline), goMod);
            foreach (Match required in Regex.Matches(goMod, @"(example\.com/monorepo/(libs/[\w/]+)) v0\.0\.0"))
            {
                var relative = Path.GetRelativePath(ExampleMonorepo.PathOf(module), ExampleMonorepo.PathOf(required.Groups[2].Value))
                    .Replace('\\', '/');
                Assert.True(goMod.Contains($"{required.Groups[1].Value} => {relative}"),
                    $"{module}/go.mod requires {required.Groups[1].Value} but does not replace it with {relative}");
            }
        }
    }

    [Fact]
    public void The_example_keeps_the_build_inputs_that_image_tests_depend_on()
    {
        string Read(string relative) => File.ReadAllText(Path.Combine(ExampleMonorepo.Root, relative));

        Assert.Equal(["cmd/gateway"], ExampleMonorepo.MainPackages("services/gateway"));
        Assert.Contains("//go:embed", Read("services/catalog/internal/web/web.go"));
        Assert.True(File.Exists(Path.Combine(ExampleMonorepo.Root, "services/catalog/internal/web/testdata/index.golden.html")));
        Assert.Contains("crypto/x509", Read("services/payments/internal/psp/psp.go"));
        Assert.Contains("time.LoadLocation", Read("services/scheduler/main.go"));
        Assert.DoesNotContain(
            Directory.EnumerateFiles(ExampleMonorepo.PathOf("services/scheduler"), "*.go", SearchOption.AllDirectories),
            file => File.ReadAllText(file).Contains("\"time/tzdata\""));
        Assert.Contains("//go:build !linux", Read("services/inventory/internal/diag/fds_other.go"));
        Assert.Contains("package store_test", Read("services/orders/internal/store/store_test.go"));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public async Task Every_module_passes_go_test(string module)
    {
        var go = LocalGo.Require().WithWorkingDirectory(ExampleMonorepo.PathOf(module));

        var result = await go.TryRunAsync(["test", "./..."], TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0,
            $"'go test ./...' in examples/monorepo/{module} exited {result.ExitCode}:\n{result.StandardOutput}\n{result.StandardError}");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_service_binary_prints_its_stamped_version_and_passes_its_healthcheck(string service)
    {
        var ct = TestContext.Current.CancellationToken;
        var go = LocalGo.Require().WithWorkingDirectory(ExampleMonorepo.PathOf(service));
        var output = Directory.CreateTempSubdirectory("gmb-example-");
        try
        {
            var binary = Path.Combine(output.FullName, "svc");
            var version = $"9.9.9-{Path.GetFileName(service)}";
            var mainPackage = "./" + ExampleMonorepo.MainPackages(service).Single();
            await go.RunAsync(["build", "-trimpath", $"-ldflags=-s -w -X main.version={version}", "-o", binary, mainPackage], ct);

            var printed = await Tool.Named(binary).RunAsync(["-version"], ct);
            Assert.Equal(version, printed.StandardOutput.Trim());

            // The host has CA certificates and zoneinfo, so every service, payments and scheduler included, is healthy.
            var health = await Tool.Named(binary).TryRunAsync(["-healthcheck"], ct);
            Assert.True(health.ExitCode == 0, $"{service} -healthcheck exited {health.ExitCode}:\n{health.StandardError}");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    static string ModulePath(string module) =>
        Regex.Match(ExampleMonorepo.GoModOf(module), @"^module\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;
}
