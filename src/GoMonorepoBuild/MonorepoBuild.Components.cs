using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>
/// The framework's default build for a Go monorepo: every standard target (EnsureEngine, Graph, GenerateDockerfiles,
/// BuildChanged, ...) and their parameters. Users derive from it, override a target and add their own. A build that wants
/// only some targets derives from <see cref="MonorepoBuildCore"/> instead and lists their components.
/// </summary>
/// <remarks>
/// Each target is a public virtual property, so existing builds keep <c>Execute&lt;Build&gt;(x =&gt; x.BuildChanged)</c>,
/// <c>DependsOn(EnsureEngine)</c> and <c>public override Target Graph =&gt; _ =&gt; base.Graph(_)...</c>. The property
/// implements its component's target, so the catalog counts it once and the components' dependencies reach an override.
/// It is declared here, not inherited from the component, because C# cannot call an interface's default from an override.
/// </remarks>
public abstract class MonorepoBuild : MonorepoBuildCore,
    IAffected, IBuildChanged, ICi, IBuildDebugImage, IGenerateDockerfiles, IEnsureEngine, IStopEngine, IEnsureGo, IGoCache, IGraph
{
    // In the order --help and docs/reference.md have always listed them.
    public virtual Target Affected => _ => IAffected.AffectedTarget(_, this);
    public virtual Target BuildChanged => _ => IBuildChanged.BuildChangedTarget(_, this);
    public virtual Target GenerateCi => _ => ICi.GenerateCiTarget(_, this);
    public virtual Target GenerateGitLabChildPipeline => _ => ICi.GenerateGitLabChildPipelineTarget(_, this);
    public virtual Target PublishAffected => _ => ICi.PublishAffectedTarget(_, this);
    public virtual Target MergeReports => _ => ICi.MergeReportsTarget(_, this);
    public virtual Target BuildDebugImage => _ => IBuildDebugImage.BuildDebugImageTarget(_, this);
    public virtual Target GenerateDockerfiles => _ => IGenerateDockerfiles.GenerateDockerfilesTarget(_, this);
    public virtual Target EnsureEngine => _ => IEnsureEngine.EnsureEngineTarget(_, this);
    public virtual Target StopEngine => _ => IStopEngine.StopEngineTarget(_, this);
    public virtual Target EnsureGo => _ => IEnsureGo.EnsureGoTarget(_, this);
    public virtual Target SeedGoCache => _ => IGoCache.SeedGoCacheTarget(_, this);
    public virtual Target ExportGoCache => _ => IGoCache.ExportGoCacheTarget(_, this);
    public virtual Target Graph => _ => IGraph.GraphTarget(_, this);
}
