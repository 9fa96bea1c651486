using GoMonorepoBuild.Ci.Builders;

namespace GoMonorepoBuild.Tests.Ci;

public class BuilderCommandsTests
{
    [Fact]
    public void A_docker_container_builder_on_the_local_engine()
    {
        Assert.Equal(
            ["buildx", "create", "--name", "gmb", "--driver", "docker-container"],
            BuilderCommands.Create(BuilderSpec.DockerContainer("gmb")));
        Assert.Equal(
            ["buildx", "create", "--name", "gmb", "--driver", "docker-container", "--driver-opt", "image=registry.internal/moby/buildkit:v0.16.0",
             "--platform", "linux/amd64,linux/arm64", "--bootstrap", "--use", "ssh://ci@build-host"],
            BuilderCommands.Create(BuilderSpec.DockerContainer("gmb", "ssh://ci@build-host")
                .WithImage("registry.internal/moby/buildkit:v0.16.0")
                .WithPlatforms("linux/amd64", "linux/arm64")
                .WithBootstrap()
                .WithUse()));
    }

    [Fact]
    public void A_remote_buildkit_daemon_reached_over_tcp_with_client_certificates() =>
        Assert.Equal(
            ["buildx", "create", "--name", "team", "--driver", "remote",
             "--driver-opt", "cacert=/certs/ca.pem", "--driver-opt", "cert=/certs/cert.pem", "--driver-opt", "key=/certs/key.pem",
             "--driver-opt", "servername=buildkitd.internal", "tcp://buildkitd.internal:1234"],
            BuilderCommands.Create(BuilderSpec.Remote("team", "tcp://buildkitd.internal:1234")
                .WithTls("/certs/ca.pem", "/certs/cert.pem", "/certs/key.pem", "buildkitd.internal")));

    [Fact]
    public void A_kubernetes_builder_with_a_namespace_and_sticky_replicas() =>
        Assert.Equal(
            ["buildx", "create", "--name", "k8s", "--driver", "kubernetes",
             "--driver-opt", "namespace=buildkit", "--driver-opt", "replicas=3", "--driver-opt", "loadbalance=sticky",
             "--driver-opt", "requests.cpu=2"],
            BuilderCommands.Create(BuilderSpec.Kubernetes("k8s", "buildkit").WithReplicas(3).WithDriverOption("requests.cpu", "2")));

    [Fact]
    public void Setting_a_driver_option_again_replaces_it_in_place() =>
        Assert.Equal(
            ["buildx", "create", "--name", "k8s", "--driver", "kubernetes", "--driver-opt", "namespace=other", "--driver-opt", "replicas=1"],
            BuilderCommands.Create(BuilderSpec.Kubernetes("k8s", "buildkit").WithReplicas(1).WithDriverOption("namespace", "other")));

    [Fact]
    public void Inspect_use_and_remove()
    {
        Assert.Equal(["buildx", "inspect", "--bootstrap", "k8s"], BuilderCommands.Inspect("k8s", bootstrap: true));
        Assert.Equal(["buildx", "use", "k8s"], BuilderCommands.Use("k8s"));
        Assert.Equal(["buildx", "rm", "--keep-state", "gmb"], BuilderCommands.Remove("gmb", keepState: true));
    }

    [Theory]
    [InlineData("http://buildkitd:1234")]
    [InlineData("buildkitd:1234")]
    public void A_remote_address_buildkit_cannot_dial_is_refused_with_the_forms_it_can(string address)
    {
        var error = Assert.Throws<ArgumentException>(() => BuilderSpec.Remote("team", address));
        Assert.Contains("tcp://host:port", error.Message);
    }

    [Fact]
    public void Names_and_options_that_buildx_or_kubernetes_would_reject_fail_early()
    {
        Assert.Contains("cannot name a buildx builder", Assert.Throws<ArgumentException>(() => BuilderSpec.DockerContainer("my builder")).Message);
        Assert.Contains("Kubernetes namespace", Assert.Throws<ArgumentException>(() => BuilderSpec.Kubernetes("k8s", "Build_Kit")).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => BuilderSpec.Kubernetes("k8s", "buildkit").WithReplicas(0));
        Assert.Contains("kubernetes builder", Assert.Throws<InvalidOperationException>(() => BuilderSpec.DockerContainer("gmb").WithReplicas(2)).Message);
        Assert.Throws<InvalidOperationException>(() => BuilderSpec.Remote("team", "tcp://b:1234").WithImage("moby/buildkit"));
    }
}
