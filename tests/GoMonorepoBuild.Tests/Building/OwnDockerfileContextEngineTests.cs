using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Building;

/// <summary>
/// A service's own Dockerfile written for its folder as the build context (microservices-demo's layout) builds with
/// BuildChanged on the real engine, and its input hash follows what that context sends: .dockerignore'd files are no input.
/// </summary>
public class OwnDockerfileContextEngineTests
{
    const string GreeterGoMod = "module example.com/greeter\n\ngo 1.23\n";

    /// <summary>A main package that prints <paramref name="file"/>, read when the image runs.</summary>
    static string PrintsFile(string file) =>
        $"package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {{\n\tb, err := os.ReadFile(\"{file}\")\n" +
        "\tif err != nil {\n\t\tfmt.Println(err)\n\t\tos.Exit(1)\n\t}\n\tfmt.Print(string(b))\n}\n";

    /// <summary>The service greeter, with its own Dockerfile, in a copy of the example monorepo, built into a registry of its own.</summary>
    sealed record Greeter(RealBuild Build, MonorepoCopy Monorepo, string Registry, BuildxDockerCli Docker)
    {
        public async Task<ProcessResult> BuildChangedAsync()
        {
            var result = await Build.RunAsync("BuildChanged", "--monorepo", Monorepo.Path, "--only", "greeter", "--registry", Registry);
            Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
            return result;
        }

        public System.Text.Json.JsonElement Reported => BuildReportFile.Read(Build)["greeter"];

        /// <summary>What the image prints when run.</summary>
        public async Task<string> RunAsync(string image) =>
            (await Docker.RunAsync("run", "--rm", "--network", "none", image)).StandardOutput.Trim();

        /// <summary>Commits <paramref name="files"/> (greeter's go.mod added), runs <paramref name="test"/>, then removes its images.</summary>
        public static async Task WithAsync(IReadOnlyDictionary<string, string> files, Func<Greeter, Task> test)
        {
            var engine = RealEngine.Require();
            using var build = new RealBuild();
            var monorepo = new MonorepoCopy(build);
            monorepo.WriteAll(new Dictionary<string, string>(files) { ["services/greeter/go.mod"] = GreeterGoMod });
            await monorepo.CommitAsync("greeter");
            var greeter = new Greeter(build, monorepo, "gmb-test-" + Guid.NewGuid().ToString("N")[..8], new BuildxDockerCli(engine));
            try
            {
                await test(greeter);
            }
            finally
            {
                await TestImages.RemoveAllOfAsync(engine, greeter.Registry);
            }
        }
    }

    [Fact]
    public Task A_service_folder_Dockerfile_builds_runs_with_its_templates_and_rebuilds_only_for_files_its_context_sends()
    {
        var greeting = $"hello {Guid.NewGuid():N}";
        return Greeter.WithAsync(new Dictionary<string, string>
        {
            ["services/greeter/main.go"] = PrintsFile("templates/hello.txt"),
            ["services/greeter/templates/hello.txt"] = greeting + "\n",
            ["services/greeter/README.md"] = "greeter\n",
            ["services/greeter/.dockerignore"] = "*.md\n",
            // COPY go.mod from the monorepo root would fail: examples/monorepo has no go.mod there.
            ["services/greeter/Dockerfile"] =
                $"FROM {BuildxTestSettings.GoImage} AS build\nWORKDIR /src\nCOPY go.mod ./\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /greeter .\n\n" +
                "FROM scratch\nCOPY --from=build /greeter /greeter\nCOPY templates /templates\nENTRYPOINT [\"/greeter\"]\n",
        }, async greeter =>
        {
            var first = await greeter.BuildChangedAsync();
            Assert.Contains("greeter: own services/greeter/Dockerfile, build context services/greeter, the service folder " +
                            "(inferred: COPY go.mod resolves beside the Dockerfile)", first.StandardOutput);
            var built = greeter.Reported;
            Assert.Equal("built", built.Status());
            Assert.Equal(greeting, await greeter.RunAsync(built.Text("image")));

            greeter.Monorepo.Write("services/greeter/README.md", "greeter, documented\n");
            await greeter.BuildChangedAsync();
            var skipped = greeter.Reported;
            Assert.Equal("skipped", skipped.Status());
            Assert.StartsWith("not affected; image for these inputs already exists", skipped.Text("reason"));

            greeter.Monorepo.Write("services/greeter/templates/hello.txt", greeting + " again\n");
            await greeter.BuildChangedAsync();
            var rebuilt = greeter.Reported;
            Assert.Equal("built", rebuilt.Status());
            Assert.Contains("copied by services/greeter/Dockerfile (COPY .)", rebuilt.Text("reason"));
            Assert.Equal(greeting + " again", await greeter.RunAsync(rebuilt.Text("image")));
        });
    }

    [Fact]
    public Task In_a_go_work_a_service_built_from_its_own_folder_keeps_its_image_when_another_workspace_module_changes() =>
        Greeter.WithAsync(new Dictionary<string, string>
        {
            ["services/greeter/main.go"] = "package main\n\nfunc main() { println(\"hi\") }\n",
            // Cloud Run's samples: only wildcard sources, built from the folder (gcloud run deploy --source .).
            ["services/greeter/Dockerfile"] =
                $"FROM {BuildxTestSettings.GoImage} AS build\nWORKDIR /src\nCOPY go.* ./\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /greeter .\n\n" +
                "FROM scratch\nCOPY --from=build /greeter /greeter\nENTRYPOINT [\"/greeter\"]\n",
            ["libs/extra/go.mod"] = "module example.com/extra\n\ngo 1.23\n",
            ["libs/extra/extra.go"] = "package extra\n",
            ["go.work"] = "go 1.23\n\nuse (\n\t./services/greeter\n\t./libs/extra\n)\n",
        }, async greeter =>
        {
            var first = await greeter.BuildChangedAsync();
            Assert.Contains("greeter: own services/greeter/Dockerfile, build context services/greeter, the service folder " +
                            "(inferred: COPY go.* resolves beside the Dockerfile)", first.StandardOutput);
            Assert.Equal("built", greeter.Reported.Status());

            // Neither reaches BuildKit: the context is services/greeter.
            greeter.Monorepo.Write("libs/extra/go.mod", "module example.com/extra\n\ngo 1.23\n\nrequire example.com/other v1.0.0\n");
            greeter.Monorepo.Append("go.work", "\n// edited\n");
            await greeter.BuildChangedAsync();
            var skipped = greeter.Reported;
            Assert.Equal("skipped", skipped.Status());
            Assert.StartsWith("not affected; image for these inputs already exists", skipped.Text("reason"));
        });

    [Fact]
    public Task A_docker_init_Dockerfile_that_only_bind_mounts_its_folder_builds_from_it_and_rebuilds_for_a_file_only_the_mount_reads()
    {
        var greeting = $"hello {Guid.NewGuid():N}";
        return Greeter.WithAsync(new Dictionary<string, string>
        {
            ["services/greeter/main.go"] = PrintsFile("/hello.txt"),
            ["services/greeter/hello.txt"] = greeting + "\n",
            // docker init's Go layout: nothing of the context is copied; go.mod and the folder reach the build as mounts.
            ["services/greeter/Dockerfile"] =
                $"FROM {BuildxTestSettings.GoImage} AS build\nWORKDIR /src\n" +
                "RUN --mount=type=cache,target=/go/pkg/mod/ --mount=type=bind,source=go.mod,target=go.mod go mod download\n" +
                "RUN --mount=type=bind,target=. CGO_ENABLED=0 go build -o /out/greeter . && cp hello.txt /out/hello.txt\n\n" +
                "FROM scratch\nCOPY --from=build /out/ /\nENTRYPOINT [\"/greeter\"]\n",
        }, async greeter =>
        {
            var first = await greeter.BuildChangedAsync();
            Assert.Contains("build context services/greeter, the service folder (inferred: RUN --mount=type=bind,source=go.mod resolves beside the Dockerfile)",
                first.StandardOutput);
            Assert.Equal(greeting, await greeter.RunAsync(greeter.Reported.Text("image")));

            greeter.Monorepo.Write("services/greeter/hello.txt", greeting + " again\n");
            await greeter.BuildChangedAsync();
            var rebuilt = greeter.Reported;
            Assert.Equal("built", rebuilt.Status());
            Assert.Contains("mounted by services/greeter/Dockerfile (RUN --mount=type=bind,source=.)", rebuilt.Text("reason"));
            Assert.Equal(greeting + " again", await greeter.RunAsync(rebuilt.Text("image")));
        });
    }
}
