using GoMonorepoBuild.Tests.Changes;

namespace GoMonorepoBuild.Tests.Affected;

/// <summary>
/// A small replace-wired Go monorepo (optionally below <c>prefix</c>): orders → internal/api → libs/auth;
/// payments → libs/util; web embeds static/; libs/util/strs is imported by nobody.
/// </summary>
internal static class SampleMonorepo
{
    public static TestRepository WriteTo(TestRepository repo, string prefix = "", bool goWork = false)
    {
        string P(string path) => prefix.Length == 0 ? path : prefix + "/" + path;
        string Mod(string module, params string[] deps) =>
            $"module {module}\n\ngo 1.23\n" +
            string.Concat(deps.Select(d => $"\nrequire example.com/{d} v0.0.0\n" + (goWork ? "" : $"replace example.com/{d} => ../../{d}\n")));

        repo.Write(P("README.md"), "# monorepo\n")
            .Write(P("libs/auth/go.mod"), Mod("example.com/libs/auth"))
            .Write(P("libs/auth/auth.go"), "package auth\n\nfunc Check() bool { return true }\n")
            .Write(P("libs/auth/token.go"), "package auth\n\nfunc Token() string { return \"t\" }\n")
            .Write(P("libs/auth/auth_test.go"), "package auth\n\nimport \"testing\"\n\nfunc TestCheck(t *testing.T) {}\n")
            .Write(P("libs/auth/README.md"), "auth\n")
            .Write(P("libs/auth/testdata/token.json"), "{}\n")
            .Write(P("libs/util/go.mod"), Mod("example.com/libs/util"))
            .Write(P("libs/util/util.go"), "package util\n\nfunc Do() {}\n")
            .Write(P("libs/util/strs/strs.go"), "package strs\n\nfunc Up() {}\n")
            .Write(P("services/orders/go.mod"), Mod("example.com/services/orders", "libs/auth"))
            .Write(P("services/orders/cmd/orders/main.go"),
                "package main\n\nimport \"example.com/services/orders/internal/api\"\n\nfunc main() { api.Serve() }\n")
            .Write(P("services/orders/internal/api/api.go"),
                "package api\n\nimport \"example.com/libs/auth\"\n\nfunc Serve() { auth.Check() }\n")
            .Write(P("services/payments/go.mod"), Mod("example.com/services/payments", "libs/util"))
            .Write(P("services/payments/main.go"), "package main\n\nimport \"example.com/libs/util\"\n\nfunc main() { util.Do() }\n")
            .Write(P("services/web/go.mod"), Mod("example.com/services/web"))
            .Write(P("services/web/main.go"),
                "package main\n\nimport \"embed\"\n\n//go:embed static/*\nvar static embed.FS\n\nfunc main() { _ = static }\n")
            .Write(P("services/web/static/index.html"), "<h1>hi</h1>\n")
            .Write(P("services/web/README.md"), "web\n");
        if (goWork)
            repo.Write(P("go.work"), "go 1.23\n\nuse (\n\t./libs/auth\n\t./libs/util\n\t./services/orders\n\t./services/payments\n\t./services/web\n)\n");
        return repo;
    }
}
