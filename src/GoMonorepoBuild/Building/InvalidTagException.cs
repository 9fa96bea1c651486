namespace GoMonorepoBuild.Building;

/// <summary>A <c>--tags</c> entry that cannot be made a valid image tag; the message says which and what a tag may hold.</summary>
public sealed class InvalidTagException(string message) : Exception(message);
