using System.Text;

namespace GoMonorepoBuild.Tests.Support;

/// <summary>
/// Shape of a generated monorepo. Modules = Services + Libs; .go files ≈ modules × PackagesPerModule × FilesPerPackage.
/// Each service imports <see cref="FanIn"/> shared libs; libs form short chains (lib k imports lib k-1 within groups
/// of <see cref="LibChainLength"/>), so go.mod files carry tidy-style require + replace lines for every local module used.
/// </summary>
public sealed record SyntheticMonorepoOptions(
    int Services = 10,
    int Libs = 10,
    int PackagesPerModule = 4,
    int FilesPerPackage = 5,
    int FanIn = 3,
    int LibChainLength = 4,
    string ModulePrefix = "example.com/synth")
{
    /// <summary>About 20,000 .go files in 500 modules, the size the model's speed target is set for.</summary>
    public static SyntheticMonorepoOptions ForModules(int modules) =>
        new(Services: modules / 5, Libs: modules - modules / 5, PackagesPerModule: 8, FilesPerPackage: 5, FanIn: 6);
}

/// <summary>What <see cref="SyntheticMonorepo.Write"/> produced.</summary>
public sealed record SyntheticMonorepoInfo(string Root, int Modules, int GoFiles, IReadOnlyList<string> ServiceNames);

/// <summary>
/// Writes a synthetic Go monorepo of real files (services/svcN with cmd/svcN main packages, libs/libN with packages),
/// for scale tests and benchmarks. Deterministic: the same options give the same tree.
/// </summary>
public static class SyntheticMonorepo
{
    public static SyntheticMonorepoInfo Write(string root, SyntheticMonorepoOptions o)
    {
        Directory.CreateDirectory(root);
        var goFiles = 0;
        var libDeps = Enumerable.Range(0, o.Libs).Select(k => k % o.LibChainLength == 0 ? Array.Empty<int>() : [k - 1]).ToArray();
        for (var k = 0; k < o.Libs; k++)
            goFiles += WriteModule(root, o, $"libs/lib{k}", $"{o.ModulePrefix}/libs/lib{k}", isService: false, libDeps[k], Closure(libDeps[k], libDeps));
        var names = new List<string>();
        for (var s = 0; s < o.Services; s++)
        {
            var direct = o.Libs == 0 ? [] : Enumerable.Range(0, o.FanIn).Select(j => (s * 7 + j * 13) % o.Libs).Distinct().Order().ToArray();
            goFiles += WriteModule(root, o, $"services/svc{s}", $"{o.ModulePrefix}/services/svc{s}", isService: true, direct, Closure(direct, libDeps));
            names.Add($"svc{s}");
        }
        return new SyntheticMonorepoInfo(root, o.Services + o.Libs, goFiles, names);
    }

    private static SortedSet<int> Closure(IEnumerable<int> direct, int[][] libDeps)
    {
        var all = new SortedSet<int>();
        var stack = new Stack<int>(direct);
        while (stack.TryPop(out var k))
            if (all.Add(k)) foreach (var d in libDeps[k]) stack.Push(d);
        return all;
    }

    private static int WriteModule(string root, SyntheticMonorepoOptions o, string dir, string modulePath, bool isService, int[] directLibs, SortedSet<int> allLibs)
    {
        var mod = new StringBuilder($"module {modulePath}\n\ngo 1.23\n");
        if (allLibs.Count > 0)
        {
            mod.Append("\nrequire (\n");
            foreach (var k in allLibs) mod.Append($"\t{o.ModulePrefix}/libs/lib{k} v0.0.0{(directLibs.Contains(k) ? "" : " // indirect")}\n");
            mod.Append(")\n\n");
            var up = isService ? "../.." : "..";
            foreach (var k in allLibs) mod.Append($"replace {o.ModulePrefix}/libs/lib{k} => {up}/{(isService ? "libs/" : "")}lib{k}\n");
        }
        WriteFile(root, $"{dir}/go.mod", mod.ToString());
        WriteFile(root, $"{dir}/go.sum", "");
        if (isService) WriteFile(root, $"{dir}/Dockerfile.example", "# a service may bring its own Dockerfile\n");

        var name = dir[(dir.LastIndexOf('/') + 1)..];
        var packageDirs = Enumerable.Range(0, o.PackagesPerModule)
            .Select(p => p == 0 ? (isService ? $"cmd/{name}" : "") : $"{(isService ? "internal/" : "")}pkg{p}")
            .ToList();
        var count = 0;
        for (var p = 0; p < packageDirs.Count; p++)
        {
            var packageName = p == 0 ? (isService ? "main" : name) : $"pkg{p}";
            var imports = new List<string> { "fmt", "strings" };
            if (p + 1 < packageDirs.Count) imports.Add($"{modulePath}/{packageDirs[p + 1]}");
            if (p == 0) imports.AddRange(directLibs.Select(k => $"{o.ModulePrefix}/libs/lib{k}"));
            if (isService && p == 0) imports.Add("net/http");
            for (var f = 0; f < o.FilesPerPackage; f++)
            {
                var fileDir = packageDirs[p].Length == 0 ? dir : $"{dir}/{packageDirs[p]}";
                WriteFile(root, $"{fileDir}/file{f}.go", GoSource(packageName, f == 0 ? imports : ["fmt", "strings"], f, isService && p == 0 && f == 0));
                count++;
            }
            var testDir = packageDirs[p].Length == 0 ? dir : $"{dir}/{packageDirs[p]}";
            WriteFile(root, $"{testDir}/file0_test.go", $"package {packageName}\n\nimport \"testing\"\n\nfunc TestF0(t *testing.T) {{ F0() }}\n");
            count++;
        }
        return count;
    }

    private static string GoSource(string packageName, IReadOnlyList<string> imports, int index, bool isMain)
    {
        var text = new StringBuilder();
        text.Append("// Code generated for benchmarks; DO NOT EDIT.\n\n");
        text.Append($"package {packageName}\n\nimport (\n");
        foreach (var i in imports)
        {
            var alias = i.Contains('.') ? Alias(i) + " " : "";
            text.Append($"\t{alias}\"{i}\"\n");
        }
        text.Append(")\n\n");
        foreach (var i in imports.Where(i => i.Contains('.')))
            text.Append($"var _ = {Alias(i)}.F0\n");
        text.Append($"// F{index} formats a value; a body so files have a realistic size.\nfunc F{index}() string {{\n");
        for (var line = 0; line < 25; line++)
            text.Append($"\t_ = strings.Repeat(fmt.Sprint({line}), {line % 3})\n");
        text.Append("\treturn \"\"\n}\n");
        if (isMain) text.Append("\nfunc main() { _ = http.StatusOK }\n");
        return text.ToString();
    }

    private static string Alias(string importPath) => "x" + importPath[(importPath.LastIndexOf('/') + 1)..];

    private static void WriteFile(string root, string relative, string content)
    {
        var full = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }
}
