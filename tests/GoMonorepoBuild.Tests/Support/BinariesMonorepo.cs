namespace GoMonorepoBuild.Tests.Support;

/// <summary>
/// A Go monorepo whose services are binaries, as real monorepos have them (real Go that builds, no dependencies):
/// <list type="bullet">
/// <item>the root module example.com/dock with three binaries, cmd/dockerd (→ internal/daemon), cmd/docker-proxy
/// (→ internal/proxy) and cmd/dockerctl, all three → internal/version;</item>
/// <item>services/shop, one module with two binaries, cmd/api and cmd/worker (→ services/shop/internal/queue);</item>
/// <item>services/billing, a module with one main package at its root (today's layout, named billing).</item>
/// </list>
/// Services: <c>--services cmd/*,services/*</c>. Each binary prints its name and the version, so an image shows which it runs.
/// </summary>
public static class BinariesMonorepo
{
    public const string Globs = "cmd/*,services/*";

    public static readonly string[] Names = ["billing", "api", "worker", "docker-proxy", "dockerctl", "dockerd"];

    static string MainFile(string name, params string[] imports) =>
        "package main\n\nimport (\n\t\"fmt\"\n" + string.Concat(imports.Select(i => $"\t\"{i}\"\n")) + ")\n\n" +
        $"func main() {{ fmt.Println(\"{name}\"{string.Concat(imports.Select(i => $", {i[(i.LastIndexOf('/') + 1)..]}.Describe()"))}) }}\n";

    static string Library(string name, string text) => $"package {name}\n\n// Describe says what this package is.\nfunc Describe() string {{ return \"{text}\" }}\n";

    public static void WriteTo(string root)
    {
        void Write(string path, string content)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        Write("go.mod", "module example.com/dock\n\ngo 1.23\n");
        Write("cmd/dockerd/main.go", MainFile("dockerd", "example.com/dock/internal/daemon", "example.com/dock/internal/version"));
        Write("cmd/docker-proxy/main.go", MainFile("docker-proxy", "example.com/dock/internal/proxy", "example.com/dock/internal/version"));
        Write("cmd/dockerctl/main.go", MainFile("dockerctl", "example.com/dock/internal/version"));
        Write("internal/daemon/daemon.go", Library("daemon", "daemon v1"));
        Write("internal/proxy/proxy.go", Library("proxy", "proxy v1"));
        Write("internal/version/version.go", Library("version", "1.0.0"));
        Write("README.md", "# dock\n");

        Write("services/shop/go.mod", "module example.com/shop\n\ngo 1.23\n");
        Write("services/shop/cmd/api/main.go", MainFile("api"));
        Write("services/shop/cmd/worker/main.go", MainFile("worker", "example.com/shop/internal/queue"));
        Write("services/shop/internal/queue/queue.go", Library("queue", "queue v1"));

        Write("services/billing/go.mod", "module example.com/billing\n\ngo 1.23\n");
        Write("services/billing/main.go", MainFile("billing"));
    }
}
