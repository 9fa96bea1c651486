using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Tests.Targets;

/// <summary>Runs a build class in-process with its own arguments, environment, folder and captured output.</summary>
internal sealed record InProcessBuild(int ExitCode, string Output, string Error)
{
    public static async Task<InProcessBuild> RunAsync(BuildBase build, string workingDirectory, string[] args,
        IReadOnlyDictionary<string, string>? environment = null, string[]? defaults = null, CancellationToken? cancellationToken = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var invocation = new BuildInvocation(args, environment ?? new Dictionary<string, string>(), workingDirectory, output, error,
            cancellationToken ?? TestContext.Current.CancellationToken);
        var exitCode = await BuildRunner.RunAsync(build, defaults ?? [], invocation);
        return new InProcessBuild(exitCode, output.ToString(), error.ToString());
    }
}
