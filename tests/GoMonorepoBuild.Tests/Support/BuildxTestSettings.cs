namespace GoMonorepoBuild.Tests.Support;

/// <summary>What engine tests build with, from the environment the Test target (or the developer) sets.</summary>
public static class BuildxTestSettings
{
    /// <summary>The Go builder image (<c>GMB_GO_IMAGE</c>): the seeded offline image by default, since nothing can be pulled.</summary>
    public static string GoImage => Environment.GetEnvironmentVariable("GMB_GO_IMAGE") is { Length: > 0 } image
        ? image
        : "gomonorepobuild/go:1.23";

    /// <summary>The network of RUN steps (<c>GMB_BUILD_NETWORK</c>): "none" by default, the private engine has no bridge.</summary>
    public static string Network => Environment.GetEnvironmentVariable("GMB_BUILD_NETWORK") is { Length: > 0 } network
        ? network
        : "none";
}
