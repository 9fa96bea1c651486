using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Dockerfiles;

/// <summary>`./build.sh GenerateDockerfiles --dockerfiles-dir <dir>` on a copy of the example monorepo, as a user reviews them.</summary>
public sealed class GenerateDockerfilesEndToEndTests : IDisposable
{
    readonly RealBuild _build = new();
    readonly string _monorepo;

    public GenerateDockerfilesEndToEndTests()
    {
        RealEngine.Require();
        _monorepo = Path.Combine(_build.Root, "monorepo");
        CopyFolder(RealBuild.ExampleMonorepo, _monorepo);
        File.Copy(DockerfilesGolden.PathOf("Golden/own.Dockerfile"), Path.Combine(_monorepo, "services/inventory/Dockerfile"));
        File.WriteAllText(Path.Combine(_monorepo, "gomonorepobuild.json"), """
            {
              "defaults": { "source": "https://example.com/monorepo" },
              "services": {
                "payments": { "version": "1.4.0", "runtime": "scratch" },
                "orders": { "caCertificates": "never" }
              }
            }
            """);
    }

    string Review => Path.Combine(_build.Root, "review");

    async Task GenerateAsync(params string[] more)
    {
        var result = await _build.RunAsync(["GenerateDockerfiles", "--monorepo", _monorepo, "--dockerfiles-dir", Review, .. more]);
        Assert.True(result.ExitCode == 0, $"GenerateDockerfiles failed ({result.ExitCode}):\n{result.StandardOutput}\n{result.StandardError}");
    }

    string Generated(string service) => File.ReadAllText(Path.Combine(Review, service, "Dockerfile"));

    [Fact]
    public async Task Dockerfiles_are_written_for_review_byte_identical_on_every_run_and_a_user_Dockerfile_is_left_unchanged()
    {
        await GenerateAsync();
        var first = Directory.EnumerateFiles(Review, "Dockerfile", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => (File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f)));
        await GenerateAsync();

        Assert.Equal(["catalog", "gateway", "orders", "payments", "scheduler"],
            Directory.EnumerateDirectories(Review).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var (file, (bytes, mtime)) in first)
        {
            Assert.Equal(bytes, File.ReadAllBytes(file));
            Assert.Equal(mtime, File.GetLastWriteTimeUtc(file));
        }
        DockerfilesGolden.Matches("Golden/own.Dockerfile", File.ReadAllText(Path.Combine(_monorepo, "services/inventory/Dockerfile")));
        // The builder image depends on the machine (official golang image or the seeded one): golden without it.
        DockerfilesGolden.Matches("Golden/example-scheduler.Dockerfile",
            string.Join('\n', Generated("scheduler").Split('\n').Select(WithoutBuilderImage)));
        Assert.Contains("-X main.version=1.4.0", Generated("payments"));
        Assert.Contains("COPY --from=build /etc/ssl/certs/ca-certificates.crt", Generated("payments"));
        // Every example service imports net/http, so each gets the CA bundle unless its section says never.
        Assert.Contains("ca-certificates", Generated("gateway"));
        Assert.DoesNotContain("ca-certificates", Generated("orders"));
    }

    [Fact]
    public async Task The_runtime_image_parameter_changes_every_service_but_those_whose_section_names_one()
    {
        await GenerateAsync("--runtime-image", "distroless");

        Assert.Contains("\nFROM gcr.io/distroless/static-debian12:nonroot\n", Generated("orders"));
        Assert.Contains("\nFROM scratch\n", Generated("payments"));
    }

    [Fact]
    public async Task A_settings_section_for_an_unknown_service_fails_naming_the_file_and_the_services()
    {
        File.WriteAllText(Path.Combine(_monorepo, "gomonorepobuild.json"), """{ "services": { "paymnts": { "runtime": "alpine" } } }""");

        var result = await _build.RunAsync(["GenerateDockerfiles", "--monorepo", _monorepo, "--dockerfiles-dir", Review]);

        Assert.NotEqual(0, result.ExitCode);
        var output = result.StandardOutput + result.StandardError;
        Assert.Contains("gomonorepobuild.json", output);
        Assert.Contains("'paymnts'", output);
        Assert.Contains("payments", output);
    }

    static string WithoutBuilderImage(string line) =>
        line.StartsWith("FROM ", StringComparison.Ordinal) && (line.Contains(" AS build") || line.Contains(" AS debug"))
            ? string.Join(' ', line.Split(' ').Select(w => w.Contains(':') && !w.StartsWith("--", StringComparison.Ordinal) ? "<builder>" : w))
            : line;

    static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => _build.Dispose();
}
