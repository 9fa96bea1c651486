using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Tests.Support;
using GoMonorepoBuild.Tests.Workspace;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Dockerfiles;

/// <summary>
/// Issue 18 item 3: staging a service's context stops between files once the run is cancelled, and the next run copies
/// what it did not. Counted through the stager's own callback, never timed.
/// </summary>
public sealed class StagingCancellationTests : IDisposable
{
    readonly TempTree tree = new();
    readonly DockerfilesScratchFolder output = new();
    readonly ServiceBuildInput input;

    public StagingCancellationTests()
    {
        SyntheticMonorepo.Write(tree.Root, new SyntheticMonorepoOptions(Services: 2, Libs: 12, PackagesPerModule: 4, FilesPerPackage: 10, FanIn: 6));
        var service = GoWorkspace.Load(tree.Root, ["services/*"], TestContext.Current.CancellationToken).Service("svc0")!;
        input = new ServiceBuildInput("svc0", service.ModuleDir, service.MainPackages[0], "1.23", service.ModuleFiles, service.SourceFiles);
    }

    string Context => Path.Combine(output.Path, "svc0", "context");

    int StagedCount() => Directory.Exists(Context) ? Directory.EnumerateFiles(Context, "*", SearchOption.AllDirectories).Count() : 0;

    [Fact]
    public void Staging_cancelled_midway_copies_no_further_file()
    {
        using var cancellation = new CancelAfter(10);

        Assert.ThrowsAny<OperationCanceledException>(() => ContextStager.Stage(tree.Root, input, Context, cancellation.Token, _ => cancellation.Step()));
        Assert.Equal(10, cancellation.Counted);
        Assert.Equal(10, StagedCount());
        Assert.True(input.SourceFiles.Count > 100, $"{input.SourceFiles.Count} sources");
    }

    [Fact]
    public void Staging_again_after_a_cancelled_run_copies_the_rest()
    {
        using var cancellation = new CancelAfter(1);
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ContextStager.Stage(tree.Root, input, Context, cancellation.Token, _ => cancellation.Step()));

        var again = ContextStager.Stage(tree.Root, input, Context, TestContext.Current.CancellationToken);

        Assert.Equal((1, input.ModuleFiles.Count + input.SourceFiles.Count - 1), (again.Unchanged, again.Copied));
    }

    [Fact]
    public void Generating_with_a_cancelled_token_writes_no_Dockerfile_and_stages_nothing()
    {
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ServiceGenerator.Generate(tree.Root, input, DockerfileOptions.Default, output.Path, new CancellationToken(canceled: true)));
        Assert.False(File.Exists(Path.Combine(output.Path, "svc0", "Dockerfile")));
        Assert.Equal(0, StagedCount());
    }

    [Fact]
    public void The_same_service_not_cancelled_is_staged_whole()
    {
        var generated = ServiceGenerator.Generate(tree.Root, input, DockerfileOptions.Default, output.Path, TestContext.Current.CancellationToken);

        Assert.Equal(input.ModuleFiles.Count + input.SourceFiles.Count, StagedCount());
        Assert.True(File.Exists(generated.DockerfilePath));
    }

    public void Dispose()
    {
        output.Dispose();
        tree.Dispose();
    }
}
