/// <summary>
/// The dotnet the build's own targets run (Test, Pack). build.sh passes the one it chose (GMB_DOTNET); the native build
/// cannot find it from its own process path as the managed build could.
/// </summary>
static class DotNetHost
{
    public static string Path =>
        Environment.GetEnvironmentVariable("GMB_DOTNET") is { Length: > 0 } chosen ? chosen
        : Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";
}
