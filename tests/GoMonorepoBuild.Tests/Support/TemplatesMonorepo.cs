using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Support;

/// <summary>
/// A Go monorepo whose frontend reads files at run time, not through //go:embed (real Go that builds, no dependencies):
/// <list type="bullet">
/// <item>services/frontend prints templates/home.html, static/site.css and shared/motd.txt, read from its working
/// directory; gomonorepobuild.json gives it the extra inputs <c>templates/**</c>, <c>static/*.css</c> (service-relative)
/// and <c>/shared/motd.txt</c> (monorepo-relative);</item>
/// <item>services/api, a plain service without extra inputs.</item>
/// </list>
/// It also holds files no glob matches (services/frontend/static/notes.txt, services/frontend/README.md).
/// </summary>
public static class TemplatesMonorepo
{
    public const string Home = "<h1>Welcome to the shop</h1>\n";

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ExtraInputs =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["frontend"] = ["templates/**", "static/*.css", "/shared/motd.txt"],
        };

    public static WorkspaceOptions Options => WorkspaceOptions.Default.WithServiceExtraInputs(ExtraInputs);

    public const string Settings = """
        {
          "services": {
            "frontend": { "extraInputs": ["templates/**", "static/*.css", "/shared/motd.txt"] }
          }
        }
        """;

    const string FrontendMain = """
        package main

        import (
        	"fmt"
        	"os"
        )

        func main() {
        	for _, name := range []string{"templates/home.html", "static/site.css", "shared/motd.txt"} {
        		data, err := os.ReadFile(name)
        		if err != nil {
        			fmt.Fprintln(os.Stderr, "frontend:", err)
        			os.Exit(1)
        		}
        		os.Stdout.Write(data)
        	}
        }

        """;

    public static void WriteTo(string root)
    {
        void Write(string path, string content)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        Write("gomonorepobuild.json", Settings);
        Write("services/frontend/go.mod", "module example.com/frontend\n\ngo 1.23\n");
        Write("services/frontend/main.go", FrontendMain);
        Write("services/frontend/templates/home.html", Home);
        Write("services/frontend/templates/parts/footer.html", "<footer>shop</footer>\n");
        Write("services/frontend/static/site.css", "body { color: teal; }\n");
        Write("services/frontend/static/notes.txt", "not shipped\n");
        Write("services/frontend/README.md", "# frontend\n");
        Write("shared/motd.txt", "motd: have a nice day\n");
        Write("services/api/go.mod", "module example.com/api\n\ngo 1.23\n");
        Write("services/api/main.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"api\") }\n");
    }
}
