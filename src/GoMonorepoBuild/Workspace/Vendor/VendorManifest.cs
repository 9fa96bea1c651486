namespace GoMonorepoBuild.Workspace.Vendor;

/// <summary>
/// What vendor/modules.txt says: per vendored module a header <c># path version [=> replacement]</c>, its <c>##</c>
/// annotations, then one line per vendored package; an optional first line <c>## workspace</c> marks a vendor folder
/// made by <c>go work vendor</c>. Only the package → module mapping is kept, for the reasons the model gives.
/// </summary>
internal sealed class VendorManifest
{
    readonly Dictionary<string, string> moduleOfPackage;

    VendorManifest(bool isWorkspace, Dictionary<string, string> moduleOfPackage)
    {
        IsWorkspace = isWorkspace;
        this.moduleOfPackage = moduleOfPackage;
    }

    /// <summary>Made by <c>go work vendor</c> (first line <c>## workspace</c>): it serves the go.work's modules.</summary>
    public bool IsWorkspace { get; }

    /// <summary>The vendored module (<c>path version</c>, with <c>=&gt; replacement</c> when replaced) a listed package belongs to.</summary>
    public string? ModuleOf(string importPath) => moduleOfPackage.GetValueOrDefault(importPath);

    public static VendorManifest Parse(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var packages = new Dictionary<string, string>(StringComparer.Ordinal);
        string? module = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("##", StringComparison.Ordinal)) continue;
            if (line.StartsWith('#')) module = line[1..].Trim();
            else if (module is not null) packages.TryAdd(line, module);
        }
        return new VendorManifest(lines.Length > 0 && lines[0].Trim() == "## workspace", packages);
    }
}
