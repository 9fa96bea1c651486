using System.IO.Compression;
using System.Xml.Linq;

namespace GoMonorepoBuild.Tests.Setup;

/// <summary>What a user gets from NuGet: the framework package and the template package, as packed.</summary>
[Collection(PackedFeedCollection.Name)]
public class PackageTests(PackedFeed feed)
{
    [Fact]
    public void The_framework_package_carries_its_readme_license_repository_and_api_documentation()
    {
        using var package = ZipFile.OpenRead(feed.FrameworkPackage);
        var metadata = Nuspec(package);

        Assert.Equal("GoMonorepoBuild", Value(metadata, "id"));
        Assert.Equal("MIT", metadata.Elements().Single(e => e.Name.LocalName == "license").Value);
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.Equal("git", metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("type")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
        var files = package.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("README.md", files);
        Assert.Contains("lib/net10.0/GoMonorepoBuild.dll", files);
        Assert.Contains("lib/net10.0/GoMonorepoBuild.xml", files);
        // The package's dependencies are the ones the framework uses; nothing of this repository's test or build tooling.
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).ToList();
        Assert.Contains("CliWrap", dependencies);
        Assert.DoesNotContain(dependencies, d => d.StartsWith("xunit", StringComparison.OrdinalIgnoreCase) || d == "PublicApiGenerator");
    }

    [Fact]
    public void The_template_package_holds_the_scaffold_and_nothing_else()
    {
        using var package = ZipFile.OpenRead(feed.TemplatePackage);
        var metadata = Nuspec(package);

        Assert.Equal("Template", metadata.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name")?.Value);
        var scaffold = package.Entries.Select(e => e.FullName).Where(f => f.StartsWith("content/", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(
        [
            "content/GoMonorepoBuild/.nuke/.gitignore", "content/GoMonorepoBuild/.nuke/parameters.detect.json", "content/GoMonorepoBuild/.nuke/parameters.json",
            "content/GoMonorepoBuild/.template.config/template.json", "content/GoMonorepoBuild/build.ps1",
            "content/GoMonorepoBuild/build.sh", "content/GoMonorepoBuild/build/.gitignore", "content/GoMonorepoBuild/build/Build.cs",
            "content/GoMonorepoBuild/build/_build.csproj", "content/GoMonorepoBuild/build/nuget.config",
        ], scaffold, StringComparer.Ordinal);
        Assert.DoesNotContain(package.Entries, e => e.FullName.StartsWith("lib/", StringComparison.Ordinal));
    }

    static XElement Nuspec(ZipArchive package)
    {
        var entry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    static string Value(XElement metadata, string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
}
