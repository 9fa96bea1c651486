using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>
/// The SeedGoCache and ExportGoCache targets. BuildChanged seeds and exports by itself when --go-cache is set; these are
/// for runs that build otherwise. ExportGoCache runs after BuildChanged when the build has it, and needs it not.
/// </summary>
public interface IGoCache : IBuilderImage, IBuildxBuilder, IPlatforms, IGoCacheFolder
{
    Target SeedGoCache => _ => SeedGoCacheTarget(_, Core);

    Target ExportGoCache => _ => ExportGoCacheTarget(_, Core);

    /// <summary>The framework's SeedGoCache, shared by this component's default and <see cref="MonorepoBuild.SeedGoCache"/>.</summary>
    internal static ITargetDefinition SeedGoCacheTarget(ITargetDefinition _, MonorepoBuildCore build) => _
        .Description("Unpack the Go caches of --go-cache into the engine's cache mounts (skipped, with the reason, when the archive does not fit)")
        .DependsOn(build.From<IEnsureEngine>().EnsureEngine)
        .Requires(() => build.GoCacheDir)
        .Executes(build.SeedGoCacheAsync);

    /// <summary>The framework's ExportGoCache, shared by this component's default and <see cref="MonorepoBuild.ExportGoCache"/>.</summary>
    internal static ITargetDefinition ExportGoCacheTarget(ITargetDefinition _, MonorepoBuildCore build) => _
        .Description("Write the engine's Go module and build caches into --go-cache as an archive and manifest")
        .DependsOn(build.From<IEnsureEngine>().EnsureEngine)
        .Requires(() => build.GoCacheDir)
        .After(build is IBuildChanged changed ? [changed.BuildChanged] : [])
        .Executes(build.ExportGoCacheAsync);
}
