using System.Xml.Linq;
using GoMonorepoBuild.Processes;
using GoMonorepoBuild.Targets;

/// <summary>
/// Packs the framework and the template into a folder feed, so a clone can scaffold a build into another monorepo
/// with no package published anywhere (README, "Use it in your own monorepo").
/// </summary>
partial class Build
{
    [Parameter("Pack: the package version (default: the projects' version with a -local.<UTC time> suffix, so each pack is newer than the last and never served stale from the NuGet cache)")]
    string? PackageVersion { get; set; }

    string FrameworkProject => Path.Combine(RootDirectory, "src", "GoMonorepoBuild", "GoMonorepoBuild.csproj");

    string TemplateProject => Path.Combine(RootDirectory, "templates", "GoMonorepoBuild.Templates", "GoMonorepoBuild.Templates.csproj");

    Target Pack => _ => _
        .Description("Pack the framework and the dotnet new template into a folder feed (--output <folder>, default .nuke/temp/packages; --package-version)")
        .Executes(async ct =>
        {
            var folder = Path.GetFullPath(Output ?? Path.Combine(TemporaryDirectory, "packages"), RootDirectory);
            var version = PackageVersion ?? $"{XDocument.Load(FrameworkProject).Descendants("Version").Single().Value}-local.{DateTime.UtcNow:yyyyMMddHHmmss}";
            Directory.CreateDirectory(folder);
            var dotnet = Tool.Named(DotNetHost.Path).WithWorkingDirectory(RootDirectory)
                // This build's own root must not leak into the packed projects' builds.
                .WithEnvironment("GMB_ROOT", null);
            foreach (var project in new[] { FrameworkProject, TemplateProject })
                await dotnet.RunStreamingAsync(["pack", project, "-c", "Release", "-o", folder, $"-p:Version={version}", "-nologo", "-v", "q"],
                    Console.WriteLine, Console.Error.WriteLine, validate: true, ct);
            var template = Path.Combine(folder, $"GoMonorepoBuild.Templates.{version}.nupkg");
            if (!File.Exists(template) || !File.Exists(Path.Combine(folder, $"GoMonorepoBuild.{version}.nupkg")))
                throw new Exception($"dotnet pack reported success but {folder} has no GoMonorepoBuild{{,.Templates}}.{version}.nupkg: see the output above.");
            Console.WriteLine($"""

                Packed GoMonorepoBuild {version} into {folder}. Next:

                  dotnet new install {template}
                  cd path/to/your/monorepo && dotnet new gomonorepobuild --feed {folder}

                A monorepo scaffolded from an earlier pack moves to this one with (run at its root):

                  dotnet package update GoMonorepoBuild@{version} --project build/_build.csproj
                """);
        });
}
