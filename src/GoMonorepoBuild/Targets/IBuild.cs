namespace GoMonorepoBuild.Targets;

/// <summary>
/// The base of every build component: an interface whose targets are default property implementations
/// (<c>interface IDeploy : IBuild { Target Deploy => _ => _.Executes(...); }</c>). A build opts into a component by
/// listing it (<c>class Build : BuildBase, IDeploy</c>) and overrides one of its targets with its own implementation
/// (<c>Target IDeploy.Deploy => ...</c>, or a public <c>Target Deploy</c>). <see cref="BuildBase"/> implements it.
/// </summary>
public interface IBuild
{
    /// <summary>The folder that holds <c>.nuke/</c> (or <c>--root</c>; else the working folder).</summary>
    string RootDirectory { get; }

    /// <summary><c>.nuke/temp</c>: ignored by git, holds logs, reports and generated files.</summary>
    string TemporaryDirectory { get; }

    /// <summary>
    /// The value a run bound to a component's <c>[Parameter]</c> property named <paramref name="member"/>, or default when no
    /// source gave one. Interfaces hold no state, so a component's parameter reads its value here:
    /// <c>[Parameter] string? Environment => ParameterValue&lt;string&gt;(nameof(Environment)) ?? "staging";</c>
    /// </summary>
    T? ParameterValue<T>(string member);
}
