namespace GoMonorepoBuild.Dockerfiles;

/// <summary><c>gomonorepobuild.json</c> cannot be used: the message names the file and what to fix.</summary>
public sealed class ImageSettingsException(string path, string problem, Exception? inner = null)
    : Exception($"{path}: {problem}", inner)
{
    public string Path { get; } = path;
}
