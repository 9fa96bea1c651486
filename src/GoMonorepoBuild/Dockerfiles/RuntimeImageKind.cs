namespace GoMonorepoBuild.Dockerfiles;

/// <summary>What a runtime base brings with it (see <see cref="RuntimeImage"/>).</summary>
public enum RuntimeImageKind
{
    /// <summary>An empty image.</summary>
    Scratch,

    /// <summary>distroless/static: CA bundle, zone files, /etc/passwd with nonroot 65532, no shell.</summary>
    Distroless,

    /// <summary>alpine: busybox, CA bundle, /etc/passwd; no zone files.</summary>
    Alpine,

    /// <summary>Any other image: nothing is assumed; the CA bundle and zone files are copied when needed.</summary>
    Other,
}
