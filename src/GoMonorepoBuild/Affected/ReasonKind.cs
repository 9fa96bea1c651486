namespace GoMonorepoBuild.Affected;

/// <summary>Why a service is affected (typed, so tools need not parse sentences).</summary>
public enum ReasonKind
{
    /// <summary>A file of the service's own module that its image is built from (or its own Dockerfile) changed.</summary>
    FileChanged,
    /// <summary>A file of another module's package that the service imports (directly or not) changed.</summary>
    DependencyChanged,
    /// <summary>A go.mod, go.sum or go.work the service's build reads changed.</summary>
    ModuleFileChanged,
    /// <summary>A file matching a global pattern changed: every service is affected.</summary>
    GlobalFile,
    /// <summary>The service did not exist at the base revision.</summary>
    NewService,
    /// <summary>A package the service imported at the base revision was deleted or moved.</summary>
    DeletedPackage,
    /// <summary>Every service was selected without analysis; <see cref="AffectedResult.Fallback"/> says why.</summary>
    Fallback,
    /// <summary>A file matching one of the service's extra inputs (gomonorepobuild.json's "extraInputs": files read at run time) changed.</summary>
    ExtraInputChanged,
}
