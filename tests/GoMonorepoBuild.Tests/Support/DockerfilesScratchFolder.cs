namespace GoMonorepoBuild.Tests.Support;

/// <summary>A fresh temp folder for one test, deleted when the test ends.</summary>
public sealed class DockerfilesScratchFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("gmb-test-").FullName;

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>Writes a file (creating its folders) and returns its full path.</summary>
    public string Write(string relative, string content)
    {
        var full = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
