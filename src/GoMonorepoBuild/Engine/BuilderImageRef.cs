namespace GoMonorepoBuild.Engine;

/// <summary>
/// The image the builder stage starts FROM. <see cref="Seeded"/> images were made offline from Debian's Go and are
/// not the official golang image; <see cref="Origin"/> says where it came from, for logs and reports.
/// </summary>
public sealed record BuilderImageRef(string Reference, bool Seeded, string Origin)
{
    public override string ToString() => $"{Reference} ({Origin})";
}
