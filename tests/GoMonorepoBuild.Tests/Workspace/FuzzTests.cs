using System.Text;
using GoMonorepoBuild.Workspace;
using GoMonorepoBuild.Workspace.GoMod;
using GoMonorepoBuild.Workspace.Packages;

namespace GoMonorepoBuild.Tests.Workspace;

/// <summary>
/// Random and mutated go.mod, go.work and .go files (seeded, so a failure reproduces): whatever the input, the model
/// either reads it or throws its own user-facing exception with a location; nothing else may escape.
/// </summary>
public class FuzzTests
{
    private const string ValidGoMod = """
        module example.com/services/orders // c
        go 1.23
        toolchain go1.23.4
        godebug ( panicnil=1
        )
        require (
            example.com/libs/auth v0.0.0 // indirect
            "github.com/x/y" v1.2.3
        )
        exclude github.com/x/y v1.0.0
        replace example.com/libs/auth => ../../libs/auth
        replace github.com/x/y v1.2.3 => github.com/z/y v1.2.4
        retract [v1.0.0, v1.0.5] // oops
        retract `v0.9.0`
        """;

    private const string ValidGoWork = "go 1.23\ntoolchain go1.23.4\nuse (\n  ./services/orders\n  ./libs/auth\n)\nreplace a.b/c v1.0.0 => ./libs/c\ngodebug x=1\n";

    private const string ValidGoFile = """
        // Package api does things.
        //go:build linux && (amd64 || arm64) && !customtag

        package api

        import "fmt"
        import (
            auth "example.com/libs/auth" // c
            . "strings"; _ "embed"
            /* x */ `net/http`
        )

        //go:embed static/* "a b.txt"
        var files string

        func F() { fmt.Println("import \"x\"") }
        """;

    private static readonly string[] Tokens =
    [
        "(", ")", "[", "]", "{", "}", ",", "\"", "`", "//", "/*", "*/", "=>", "\n", "\r\n", " ", "\t", "\\", "\\x", "\\u12", "\0",
        "\uFEFF", "é", "\U0001F600", "\uD800", "import", "package", "module", "require", "replace", "retract", "use", "go", "toolchain",
        "godebug", "//go:build", "// +build", "//go:embed", "&&", "||", "!", "v1.2.3", "./x", "../..", "/abs", ";", ".", "_", "main",
        "all:", "*", "?", "[^a-", "1.2", "=", "indirect",
    ];

    /// <summary>GMB_FUZZ_SCALE=100 runs a hundred times the rounds (and other seeds) for a deeper local search.</summary>
    private static int Scale => int.TryParse(Environment.GetEnvironmentVariable("GMB_FUZZ_SCALE"), out var s) && s > 0 ? s : 1;

    private static Random Seeded(int seed) => new(Scale == 1 ? seed : seed + Environment.TickCount);

    [Fact]
    public void Random_and_mutated_go_mod_files_fail_only_with_a_located_parse_error()
    {
        var random = Seeded(4242);
        for (var i = 0; i < 4000 * Scale; i++)
            AssertOnlyOurError(Input(random, ValidGoMod), text => GoModFile.Parse(text, "fuzz/go.mod"), expectLocation: true);
    }

    [Fact]
    public void Random_and_mutated_go_work_files_fail_only_with_a_located_parse_error()
    {
        var random = Seeded(777);
        for (var i = 0; i < 3000 * Scale; i++)
            AssertOnlyOurError(Input(random, ValidGoWork), text => GoWorkFile.Parse(text, "go.work"), expectLocation: true);
    }

    [Fact]
    public void Random_and_mutated_go_files_fail_only_with_a_located_scan_error()
    {
        var random = Seeded(1234);
        for (var i = 0; i < 4000 * Scale; i++)
        {
            var text = Input(random, ValidGoFile);
            AssertOnlyOurError(text, t =>
            {
                var file = GoFileScanner.Scan(Encoding.UTF8.GetBytes(t), "x.go", "pkg/x.go");
                foreach (var platform in TargetPlatform.Default) file.Constraint?.MayBuildFor(platform);
            }, expectLocation: true);
        }
    }

    [Fact]
    public void Random_bytes_that_are_not_text_fail_only_with_our_errors()
    {
        var random = Seeded(99);
        for (var i = 0; i < 2000 * Scale; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            AssertOnlyOurError(bytes, b => GoFileScanner.Scan(b, "x.go", "x.go"), expectLocation: true);
            var text = Encoding.UTF8.GetString(bytes);
            AssertOnlyOurError(text, t => GoModFile.Parse(t, "go.mod"), expectLocation: true);
        }
    }

    [Fact]
    public void Loading_a_monorepo_with_mutated_files_fails_only_with_workspace_errors()
    {
        var random = Seeded(31337);
        using var tree = new TempTree();
        for (var i = 0; i < 60 * Scale; i++)
        {
            tree.Write("go.work", random.Next(3) == 0 ? Mutate(random, ValidGoWork) : "go 1.23\nuse ./services/orders\nuse ./libs/auth\n")
                .Write("services/orders/go.mod", random.Next(2) == 0 ? Mutate(random, ValidGoMod) : ValidGoMod)
                .Write("services/orders/main.go", random.Next(2) == 0 ? Mutate(random, "package main\nimport \"example.com/libs/auth\"\n") : "package main\n")
                .Write("services/orders/api/api.go", Mutate(random, ValidGoFile))
                .Write("services/orders/api/static/x.txt", "x")
                .Write("services/orders/api/a b.txt", "y")
                .Write("libs/auth/go.mod", random.Next(3) == 0 ? Mutate(random, "module example.com/libs/auth\n") : "module example.com/libs/auth\n")
                .Write("libs/auth/auth.go", Mutate(random, "package auth\n\nimport _ \"embed\"\n\n//go:embed *.txt\nvar s string\n"))
                .Write("libs/auth/a.txt", "z");
            try
            {
                GoWorkspace.Load(tree.Root, ["services/*", "libs/*"], cancellationToken: TestContext.Current.CancellationToken);
            }
            catch (WorkspaceException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            }
        }
    }

    private static void AssertOnlyOurError<T>(T input, Action<T> parse, bool expectLocation)
    {
        try
        {
            parse(input);
        }
        catch (WorkspaceException e)
        {
            if (expectLocation && e.Line < 1)
                Assert.Fail($"no line in '{e.Message}' for input:\n{input}");
        }
        catch (Exception e)
        {
            Assert.Fail($"{e.GetType().Name} escaped: {e.Message}\ninput:\n{(input is byte[] b ? Convert.ToHexString(b) : input)}\n{e.StackTrace}");
        }
    }

    private static string Input(Random random, string valid) => random.Next(10) switch
    {
        0 => RandomText(random),
        _ => Mutate(random, valid),
    };

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        var length = random.Next(0, 40);
        for (var i = 0; i < length; i++)
            text.Append(random.Next(3) == 0 ? (char)random.Next(0, 0x3000) : Tokens[random.Next(Tokens.Length)]);
        return text.ToString();
    }

    private static string Mutate(Random random, string valid)
    {
        var text = new StringBuilder(valid);
        var rounds = random.Next(1, 5);
        for (var r = 0; r < rounds; r++)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(6))
            {
                case 0: text.Insert(at, Tokens[random.Next(Tokens.Length)]); break;
                case 1: if (at < text.Length) text.Remove(at, Math.Min(random.Next(1, 12), text.Length - at)); break;
                case 2: if (at < text.Length) text[at] = (char)random.Next(0, 128); break;
                case 3: text.Length = at; break;
                case 4:
                    var len = Math.Min(random.Next(1, 20), text.Length - at);
                    if (len > 0) text.Insert(random.Next(text.Length), text.ToString(at, len));
                    break;
                default: text.Insert(at, (char)random.Next(0, 0xFFFF)); break;
            }
        }
        return text.ToString();
    }
}
