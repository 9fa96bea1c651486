using GoMonorepoBuild.Buildx;
using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Dockerfiles;

/// <summary>
/// A vendoring service's image builds on a real BuildKit engine with no network at all: its dependency exists only in
/// the vendor folder (no proxy has it), so the build succeeding proves the vendored copy is what was compiled.
/// </summary>
public sealed class VendoredImageEngineTests : IAsyncDisposable
{
    readonly DockerEnvironment _engine = RealEngine.Require();
    readonly DockerfilesScratchFolder _repo = new();
    readonly DockerfilesScratchFolder _out = new();
    readonly string _tag = BuildxDockerCli.UniqueTag("quotes");
    readonly string _salt = Guid.NewGuid().ToString("N");

    BuildxDockerCli Docker => new(_engine);

    [Fact]
    public async Task A_vendoring_service_builds_offline_from_its_vendor_folder_and_runs_the_vendored_code()
    {
        _repo.Write("services/quotes/go.mod", "module example.com/services/quotes\n\ngo 1.23\n\nrequire example.com/quote v1.0.0\n");
        _repo.Write("services/quotes/main.go", "package main\n\nimport \"example.com/quote\"\n\nfunc main() { println(quote.Go()) }\n");
        _repo.Write("services/quotes/vendor/modules.txt", "# example.com/quote v1.0.0\n## explicit\nexample.com/quote\n");
        _repo.Write("services/quotes/vendor/example.com/quote/quote.go",
            $"package quote\n\nfunc Go() string {{ return \"vendored {_salt}\" }}\n");
        var input = new ServiceBuildInput("quotes", "services/quotes", "services/quotes", "1.23",
                ["services/quotes/go.mod"], ["services/quotes/main.go"])
            .WithVendorFiles(["services/quotes/vendor/example.com/quote/quote.go", "services/quotes/vendor/modules.txt"]);
        var generated = ServiceGenerator.Generate(_repo.Path, input,
            DockerfileOptions.Default.WithBuilderImage(BuildxTestSettings.GoImage), _out.Path, cancellationToken: TestContext.Current.CancellationToken);

        var outcome = await new BuildxDriver(_engine).BuildAsync(
            new BuildxBuild(generated.Name, generated.DockerfilePath, generated.ContextDir)
                .WithNetwork("none").WithTag(_tag).WithLoad()
                .WithMetadataFile(Path.Combine(_out.Path, "meta.json")),
            TestContext.Current.CancellationToken);

        Assert.True(outcome.Succeeded, outcome.Error + "\n" + outcome.LogTail);
        var run = await Docker.RunAsync("run", "--rm", "--network", "none", _tag);
        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
        Assert.Equal($"vendored {_salt}", (run.StandardOutput + run.StandardError).Trim());
    }

    public async ValueTask DisposeAsync()
    {
        await Docker.RemoveImagesAsync([_tag]);
        _repo.Dispose();
        _out.Dispose();
    }
}
