using GoMonorepoBuild.Ci.Builders;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Tests.Support;
using GoMonorepoBuild.Tests.Targets;

namespace GoMonorepoBuild.Tests.Ci;

/// <summary>
/// Real buildx accepting the generated commands. Builders are created but never bootstrapped: bootstrapping a
/// docker-container builder pulls moby/buildkit, which no registry here serves. Each test has its own DOCKER_CONFIG,
/// so the builder list of the shared engine is never touched.
/// </summary>
public sealed class BuildxBuildersEngineTests : IDisposable
{
    readonly TempFolder config = new();
    readonly Tool docker;

    public BuildxBuildersEngineTests()
    {
        var engine = RealEngine.Require();
        var plugins = Path.Combine(config.Path, "cli-plugins");
        Directory.CreateDirectory(plugins);
        var buildx = FindBuildx(engine.DockerConfig);
        if (buildx is not null) File.CreateSymbolicLink(Path.Combine(plugins, "docker-buildx"), buildx);
        docker = engine.Docker().WithEnvironment("DOCKER_CONFIG", config.Path);
    }

    static string? FindBuildx(string? dockerConfig) =>
        new[]
        {
            dockerConfig is null ? null : Path.Combine(dockerConfig, "cli-plugins", "docker-buildx"),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker", "cli-plugins", "docker-buildx"),
            "/usr/libexec/docker/cli-plugins/docker-buildx",
            "/usr/local/lib/docker/cli-plugins/docker-buildx",
        }.FirstOrDefault(p => p is not null && File.Exists(p));

    [Fact]
    public async Task A_docker_container_builder_is_created_selected_and_removed()
    {
        var ct = TestContext.Current.CancellationToken;
        var builders = new BuildxBuilders(docker);
        var spec = BuilderSpec.DockerContainer("gmb-ci-test").WithDriverOption("network", "host");

        Assert.True(await builders.EnsureAsync(spec, ct));
        Assert.False(await builders.EnsureAsync(spec, ct));
        var inspect = await builders.InspectAsync("gmb-ci-test", cancellationToken: ct);
        Assert.Contains("docker-container", inspect);
        Assert.Contains("inactive", inspect);

        await docker.RunAsync(BuilderCommands.Use("gmb-ci-test"), ct);
        var list = (await docker.RunAsync(["buildx", "ls"], ct)).StandardOutput;
        Assert.Contains("gmb-ci-test*", list);

        await builders.RemoveAsync("gmb-ci-test", cancellationToken: ct);
        Assert.False(await builders.ExistsAsync("gmb-ci-test", ct));
    }

    [Fact]
    public async Task A_remote_builder_is_registered_with_its_buildkit_address()
    {
        var ct = TestContext.Current.CancellationToken;
        var builders = new BuildxBuilders(docker);
        // Not bootstrapped: with no BuildKit daemon here, buildx would wait 20 s for its dial deadline.
        Assert.True(await builders.EnsureAsync(BuilderSpec.Remote("gmb-remote-test", "tcp://127.0.0.1:1"), ct));
        var inspect = await builders.InspectAsync("gmb-remote-test", cancellationToken: ct);
        Assert.Contains("remote", inspect);
        Assert.Contains("tcp://127.0.0.1:1", inspect);
        await builders.RemoveAsync("gmb-remote-test", cancellationToken: ct);
        Assert.False(await builders.ExistsAsync("gmb-remote-test", ct));
    }

    [Fact]
    public async Task Buildx_accepts_the_kubernetes_builder_command_and_takes_its_driver_options()
    {
        var ct = TestContext.Current.CancellationToken;
        // A kubeconfig for a cluster on a loopback port nobody listens on: creating needs a config, not a cluster.
        var kubeconfig = config.Write("kubeconfig", """
            apiVersion: v1
            kind: Config
            clusters: [{name: none, cluster: {server: "https://127.0.0.1:1"}}]
            contexts: [{name: none, context: {cluster: none, user: none}}]
            current-context: none
            users: [{name: none, user: {token: none}}]
            """);
        var kube = docker.WithEnvironment("KUBECONFIG", kubeconfig);
        var builders = new BuildxBuilders(kube);
        await builders.EnsureAsync(BuilderSpec.Kubernetes("gmb-k8s-test", "buildkit").WithReplicas(2), ct);

        var inspect = await builders.InspectAsync("gmb-k8s-test", cancellationToken: ct);
        Assert.Contains("kubernetes", inspect);
        Assert.Contains("namespace=\"buildkit\"", inspect);
        Assert.Contains("replicas=\"2\"", inspect);
        Assert.Contains("loadbalance=\"sticky\"", inspect);

        var error = await Assert.ThrowsAsync<ProcessFailedException>(() => builders.InspectAsync("gmb-k8s-test", bootstrap: true, ct));
        Assert.Contains("127.0.0.1:1", error.Message);
        // Removing would ask the (absent) cluster to delete the deployment; the private DOCKER_CONFIG goes with the test.
    }

    public void Dispose() => config.Dispose();
}
