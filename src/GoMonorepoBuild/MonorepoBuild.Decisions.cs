namespace GoMonorepoBuild;

public abstract partial class MonorepoBuild
{
    IReadOnlyList<BuildDecision>? decisions;

    /// <summary>The decisions of this run, made once (see <see cref="DecideBuilds"/>).</summary>
    public IReadOnlyList<BuildDecision> Decisions => decisions ??= DecideBuilds();

    /// <summary>
    /// Which selected services BuildChanged builds, each with its reason. Override to add rules of your own; the
    /// framework's rules grow with the affected analysis and content hashes.
    /// </summary>
    protected virtual IReadOnlyList<BuildDecision> DecideBuilds() =>
        SelectedServices()
            .Select(s => s.IsBuildable
                ? BuildDecision.Selected(s, Only.Length > 0 ? "named by --only" : "selected")
                : BuildDecision.Skipped(s, $"no main package in {s.Path} (module root or cmd/<name>): a library module has no image"))
            .ToList();
}
