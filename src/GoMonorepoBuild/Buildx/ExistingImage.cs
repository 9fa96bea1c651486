namespace GoMonorepoBuild.Buildx;

/// <summary>An image found where a run puts images, with the commit it was built at when its labels say.</summary>
public sealed record ExistingImage(string Reference, string? Revision, string Where);
