using GoMonorepoBuild.Processes;

namespace AffectedBenchmark;

/// <summary>
/// A large synthetic Go monorepo committed with git: <c>libs</c> library modules and <c>services</c> service modules,
/// each service requiring (by replace) a few libraries; every module has <c>packages</c> packages of <c>files</c> files.
/// </summary>
internal static class SyntheticRepository
{
    public static async Task<string> CreateAsync(string root, int libs, int services, int packages, int files)
    {
        Directory.CreateDirectory(root);
        for (var l = 0; l < libs; l++) WriteModule(root, $"libs/lib{l}", $"example.com/libs/lib{l}", [], packages, files, main: false);
        for (var s = 0; s < services; s++)
        {
            var deps = Enumerable.Range(0, 3).Select(k => (s * 7 + k * 13) % libs).Distinct().ToList();
            WriteModule(root, $"services/svc{s}", $"example.com/services/svc{s}", deps, packages, files, main: true);
        }
        var git = Tool.Named("git").WithWorkingDirectory(root);
        await git.RunAsync(["init", "-q", "-b", "main"]);
        await git.RunAsync(["add", "-A"]);
        await git.RunAsync(["-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "base"]);
        return (await git.RunAsync(["rev-parse", "HEAD"])).StandardOutput.Trim();
    }

    static void WriteModule(string root, string dir, string module, List<int> deps, int packages, int files, bool main)
    {
        var mod = $"module {module}\n\ngo 1.23\n" + string.Concat(deps.Select(d =>
            $"\nrequire example.com/libs/lib{d} v0.0.0\nreplace example.com/libs/lib{d} => ../../libs/lib{d}\n"));
        Write(root, $"{dir}/go.mod", mod);
        for (var p = 0; p < packages; p++)
        {
            var imports = p == 0 && main
                ? deps.Select(d => $"example.com/libs/lib{d}/p0").Concat(Enumerable.Range(1, packages - 1).Select(q => $"{module}/p{q}")).ToList()
                : p == 0 ? Enumerable.Range(1, packages - 1).Select(q => $"{module}/p{q}").ToList() : [];
            var pkgDir = p == 0 && main ? dir : $"{dir}/p{p}";
            var name = p == 0 && main ? "main" : $"p{p}";
            for (var f = 0; f < files; f++)
            {
                var body = f == 0 && imports.Count > 0
                    ? $"package {name}\n\nimport (\n{string.Concat(imports.Select(i => $"\t_ \"{i}\"\n"))})\n\nfunc F{f}() {{}}\n"
                    : $"package {name}\n\nfunc F{f}() {{}}\n";
                Write(root, $"{pkgDir}/f{f}.go", body);
            }
            Write(root, $"{pkgDir}/README.md", "docs\n");
        }
        if (!main) Write(root, $"{dir}/p0/p0.go", "package p0\n\nfunc P0() {}\n");
    }

    static void Write(string root, string path, string content)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }
}
