namespace GoMonorepoBuild.Tests.Workspace;

/// <summary>A throw-away folder of real files for one test.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "gmb-ws-" + Guid.NewGuid().ToString("N")[..12]);

    public TempTree Write(string relativePath, string content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, System.Text.Encoding.UTF8.GetBytes(content));
        return this;
    }

    public TempTree Module(string dir, string modulePath, string body = "")
        => Write(Path.Combine(dir, "go.mod"), $"module {modulePath}\n\ngo 1.23\n{body}");

    public TempTree GoFile(string path, string package, params string[] imports)
    {
        var importBlock = imports.Length == 0 ? "" : "import (\n" + string.Concat(imports.Select(i => $"\t\"{i}\"\n")) + ")\n";
        return Write(path, $"package {package}\n\n{importBlock}\nfunc F() {{}}\n");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
