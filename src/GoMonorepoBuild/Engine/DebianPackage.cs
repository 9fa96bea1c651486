namespace GoMonorepoBuild.Engine;

/// <summary>A Debian binary package, optionally pinned to a suite (e.g. docker.io from trixie).</summary>
internal sealed record DebianPackage(string Name, string? Suite = null)
{
    public string AptSpec => Suite is null ? Name : $"{Name}/{Suite}";

    public override string ToString() => AptSpec;
}
