namespace GoMonorepoBuild.Dockerfiles;

/// <summary>
/// How a service's staged build context is laid out. Module files and sources live in two trees that both mirror
/// the monorepo, so the Dockerfile copies each tree with one COPY (any number of local modules, two steps) and the
/// module download step depends only on the module files.
/// </summary>
internal static class ContextLayout
{
    /// <summary>The context folder holding go.mod/go.sum files at their monorepo-relative paths.</summary>
    public const string ModulesFolder = "modules";

    /// <summary>The context folder holding every other input file at its monorepo-relative path.</summary>
    public const string SourcesFolder = "sources";

    /// <summary>The context folder holding the extra inputs at their paths in the image, relative to the extra-inputs folder there.</summary>
    public const string ExtrasFolder = "extras";

    /// <summary>The user id (and group id) the runtime image runs as.</summary>
    public const int NonRootId = 65532;

    /// <summary>Where the binary lives in the runtime image (one path for every service, like ko's /ko-app).</summary>
    public const string BinaryPath = "/app";
}
