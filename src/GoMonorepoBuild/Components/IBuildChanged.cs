using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>
/// The BuildChanged target: decides, generates, builds and reports in one pipeline (it generates the Dockerfiles of the
/// services it builds itself, so it does not need <see cref="IGenerateDockerfiles"/>).
/// </summary>
public interface IBuildChanged : IEnsureEngine
{
    Target BuildChanged => _ => BuildChangedTarget(_, Core);

    /// <summary>The framework's BuildChanged, shared by this component's default and <see cref="MonorepoBuild.BuildChanged"/>.</summary>
    internal static ITargetDefinition BuildChangedTarget(ITargetDefinition _, MonorepoBuildCore build) => _
        .Description("Build the images of the selected services side by side and report, per service, what the cache did")
        .DependsOn(build.From<IEnsureEngine>().EnsureEngine)
        .Executes(build.BuildChangedAsync);
}
