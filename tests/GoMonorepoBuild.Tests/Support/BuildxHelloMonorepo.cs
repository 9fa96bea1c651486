using GoMonorepoBuild.Dockerfiles;

namespace GoMonorepoBuild.Tests.Support;

/// <summary>
/// A tiny Go monorepo on disk: <c>services/hello</c> (a main with a <c>-healthcheck</c> flag) using
/// <c>libs/greet</c> through a local replace, plus files that are not inputs of hello (a README, a test file,
/// another service), and the <see cref="ServiceBuildInput"/> the workspace model would compute for hello.
/// </summary>
public sealed class BuildxHelloMonorepo : IDisposable
{
    readonly DockerfilesScratchFolder _folder = new();

    /// <param name="salt">
    /// Printed by hello, so this monorepo's build differs from every other test's and really compiles instead of
    /// hitting BuildKit's cache of an identical earlier build. Defaults to a fresh one.
    /// </param>
    public BuildxHelloMonorepo(string? salt = null)
    {
        Salt = salt ?? Guid.NewGuid().ToString("N");
        _folder.Write("README.md", "# tiny monorepo\n");
        _folder.Write("services/hello/go.mod",
            "module example.com/services/hello\n\ngo 1.23\n\nrequire example.com/libs/greet v0.0.0\n\n" +
            "replace example.com/libs/greet => ../../libs/greet\n");
        _folder.Write("services/hello/main.go", HelloMain.Replace("SALT", Salt));
        _folder.Write("services/hello/main_test.go",
            "package main\n\nimport \"testing\"\n\nfunc TestNothing(t *testing.T) {}\n");
        _folder.Write("libs/greet/go.mod", "module example.com/libs/greet\n\ngo 1.23\n");
        _folder.Write("libs/greet/greet.go", "package greet\n\nfunc Hello(name string) string { return \"hello, \" + name }\n");
        _folder.Write("services/other/go.mod", "module example.com/services/other\n\ngo 1.23\n");
        _folder.Write("services/clock/go.mod", "module example.com/services/clock\n\ngo 1.23\n");
        _folder.Write("services/clock/cmd/clock/main.go", ClockMain);
        _folder.Write("services/other/main.go", $"package main\n\nfunc main() {{ println(\"{Salt}\") }}\n");
    }

    public string Salt { get; }

    public string Root => _folder.Path;

    /// <summary>Where generated Dockerfiles and contexts go (outside the monorepo's inputs, like .nuke/temp/docker).</summary>
    public string OutDir => _folder["out"];

    public ServiceBuildInput Hello { get; } = new(
        "hello", "services/hello", "services/hello", "1.23",
        ["services/hello/go.mod", "libs/greet/go.mod"],
        ["services/hello/main.go", "libs/greet/greet.go"]);

    /// <summary>A second, stdlib-only service (no go.sum at all), for builds running side by side.</summary>
    public ServiceBuildInput Other { get; } = new(
        "other", "services/other", "services/other", "1.23",
        ["services/other/go.mod"],
        ["services/other/main.go"]);

    /// <summary>
    /// A cmd-layout service that needs zoneinfo and the CA bundle at run time and prints a version set by ldflags.
    /// </summary>
    public ServiceBuildInput Clock { get; } = new(
        "clock", "services/clock", "services/clock/cmd/clock", "1.23",
        ["services/clock/go.mod"],
        ["services/clock/cmd/clock/main.go"]);

    public void Write(string relative, string content) => _folder.Write(relative, content);

    public void Dispose() => _folder.Dispose();

    const string ClockMain = """
        package main

        import (
        	"fmt"
        	"os"
        	"time"
        )

        var version = "unset"

        func main() {
        	if _, err := time.LoadLocation("Europe/Berlin"); err != nil {
        		fmt.Println("no zoneinfo:", err)
        		os.Exit(1)
        	}
        	if _, err := os.Stat("/etc/ssl/certs/ca-certificates.crt"); err != nil {
        		fmt.Println("no CA bundle:", err)
        		os.Exit(1)
        	}
        	fmt.Println("clock", version)
        }

        """;

    const string HelloMain = """
        package main

        import (
        	"flag"
        	"fmt"
        	"os"

        	"example.com/libs/greet"
        )

        func main() {
        	healthcheck := flag.Bool("healthcheck", false, "exit 0 when the service is healthy")
        	flag.Parse()
        	if *healthcheck {
        		os.Exit(0)
        	}
        	fmt.Println(greet.Hello("world"), "SALT")
        }

        """;
}
