namespace GoMonorepoBuild.Tests.Changes;

/// <summary>The framework's build as a checkout's tests run it in process: no CI's variables, whatever CI runs the tests.</summary>
internal sealed class AffectedBuild : MonorepoBuild
{
    protected override IReadOnlyDictionary<string, string?> CiVariables() => new Dictionary<string, string?>();
}
