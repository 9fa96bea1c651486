namespace GoMonorepoBuild.Ci.Builders;

/// <summary>The buildx drivers that take builds off the local engine (<c>docker buildx create --driver</c>).</summary>
public enum BuilderDriver
{
    /// <summary>BuildKit in a container of a Docker engine (this one, or another through a Docker endpoint or context).</summary>
    DockerContainer,

    /// <summary>An already running BuildKit daemon, e.g. <c>tcp://buildkitd.internal:1234</c> shared by a team.</summary>
    Remote,

    /// <summary>BuildKit pods in a Kubernetes namespace, with replicas for parallel builds.</summary>
    Kubernetes,
}
