using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace GoMonorepoBuild.Ci.Builders;

/// <summary>
/// A buildx builder to create: <c>BuilderSpec.Kubernetes("ci", "buildkit").WithReplicas(3)</c>. Immutable; driver
/// options keep the order they were set in (setting one again replaces it) so the command is predictable.
/// </summary>
public sealed partial record BuilderSpec
{
    BuilderSpec(string name, BuilderDriver driver, string? endpoint)
    {
        if (!ValidName().IsMatch(name))
            throw new ArgumentException(
                $"'{name}' cannot name a buildx builder: start with a letter or digit, then letters, digits, '.', '_' or '-'.", nameof(name));
        Name = name;
        Driver = driver;
        Endpoint = endpoint;
    }

    public string Name { get; }
    public BuilderDriver Driver { get; }

    /// <summary>The remote BuildKit address, or the Docker endpoint/context of a docker-container builder.</summary>
    public string? Endpoint { get; }

    public ImmutableList<KeyValuePair<string, string>> DriverOptions { get; init; } = [];
    public ImmutableList<string> Platforms { get; init; } = [];

    /// <summary>Start the builder at once (pulls BuildKit's image or connects) instead of on its first build.</summary>
    public bool Bootstrap { get; init; }

    /// <summary>Make it the current builder (<c>--use</c>); off by default so a CI job names it with <c>--builder</c>.</summary>
    public bool Use { get; init; }

    /// <summary>BuildKit in a container of the current engine, or of <paramref name="dockerEndpoint"/> (a context or <c>tcp://</c> Docker host).</summary>
    public static BuilderSpec DockerContainer(string name, string? dockerEndpoint = null) =>
        new(name, BuilderDriver.DockerContainer, dockerEndpoint);

    /// <summary>A BuildKit daemon already listening at <paramref name="address"/> (<c>tcp://</c>, <c>unix://</c>, ...).</summary>
    public static BuilderSpec Remote(string name, string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) ||
            uri.Scheme is not ("tcp" or "unix" or "ssh" or "docker-container" or "kube-pod" or "npipe"))
            throw new ArgumentException(
                $"'{address}' is not a BuildKit address: use tcp://host:port (or unix://, ssh://, docker-container://, kube-pod://).", nameof(address));
        return new(name, BuilderDriver.Remote, address);
    }

    /// <summary>BuildKit pods in <paramref name="kubernetesNamespace"/> of the cluster the current kubeconfig names.</summary>
    public static BuilderSpec Kubernetes(string name, string kubernetesNamespace)
    {
        if (!DnsLabel().IsMatch(kubernetesNamespace))
            throw new ArgumentException(
                $"'{kubernetesNamespace}' is not a Kubernetes namespace name: lower-case letters, digits and '-', at most 63.", nameof(kubernetesNamespace));
        return new BuilderSpec(name, BuilderDriver.Kubernetes, null).WithDriverOption("namespace", kubernetesNamespace);
    }

    public BuilderSpec WithDriverOption(string key, string value)
    {
        var at = DriverOptions.FindIndex(o => o.Key == key);
        var option = new KeyValuePair<string, string>(key, value);
        return this with { DriverOptions = at >= 0 ? DriverOptions.SetItem(at, option) : DriverOptions.Add(option) };
    }

    /// <summary>Kubernetes: how many BuildKit pods; with more than one, <c>loadbalance=sticky</c> sends a service to the same pod (and its cache).</summary>
    public BuilderSpec WithReplicas(int replicas)
    {
        RequireDriver(BuilderDriver.Kubernetes, "replicas");
        if (replicas < 1) throw new ArgumentOutOfRangeException(nameof(replicas), replicas, "A Kubernetes builder needs at least one replica.");
        var spec = WithDriverOption("replicas", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return replicas > 1 ? spec.WithDriverOption("loadbalance", "sticky") : spec;
    }

    /// <summary>The BuildKit image of docker-container and Kubernetes builders: where Docker Hub is out of reach, a mirrored copy.</summary>
    public BuilderSpec WithImage(string image)
    {
        if (Driver == BuilderDriver.Remote) throw new InvalidOperationException("A remote builder runs no image of its own: its BuildKit is already running.");
        return WithDriverOption("image", image);
    }

    /// <summary>Remote: the TLS files to reach a BuildKit daemon that checks client certificates.</summary>
    public BuilderSpec WithTls(string caCert, string cert, string key, string? serverName = null)
    {
        RequireDriver(BuilderDriver.Remote, "TLS client certificates");
        var spec = WithDriverOption("cacert", caCert).WithDriverOption("cert", cert).WithDriverOption("key", key);
        return serverName is null ? spec : spec.WithDriverOption("servername", serverName);
    }

    public BuilderSpec WithPlatforms(params IEnumerable<string> platforms) => this with { Platforms = [.. platforms] };
    public BuilderSpec WithBootstrap(bool bootstrap = true) => this with { Bootstrap = bootstrap };
    public BuilderSpec WithUse(bool use = true) => this with { Use = use };

    void RequireDriver(BuilderDriver driver, string what)
    {
        if (Driver != driver) throw new InvalidOperationException($"{what} apply to a {BuilderCommands.DriverName(driver)} builder, not to {BuilderCommands.DriverName(Driver)} builder '{Name}'.");
    }

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9._-]*$")]
    private static partial Regex ValidName();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
