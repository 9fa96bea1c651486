namespace GoMonorepoBuild.Dockerfiles;

/// <summary>Whether an image gets the CA bundle (<c>"caCertificates"</c> in <c>gomonorepobuild.json</c>).</summary>
public enum CaCertificatesPolicy
{
    /// <summary>When the service's code imports a TLS-capable package (see <see cref="RuntimeAssets"/>).</summary>
    Auto,

    Always,

    Never,
}
