using GoMonorepoBuild.Tests.Support;
using GoMonorepoBuild.Workspace;

namespace GoMonorepoBuild.Tests.Workspace;

public class ScaleTests
{
    [Fact]
    public void A_generated_monorepo_loads_with_every_module_service_and_file_accounted_for()
    {
        using var tree = new TempTree();
        var info = SyntheticMonorepo.Write(tree.Root, new SyntheticMonorepoOptions(Services: 6, Libs: 9, PackagesPerModule: 3, FilesPerPackage: 2, FanIn: 2));
        var model = GoWorkspace.Load(tree.Root, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(info.Modules, model.Modules.Count);
        Assert.Equal(info.GoFiles, model.Packages.Values.Sum(p => p.Files.Count + p.TestFiles.Count));
        Assert.Equal(info.ServiceNames.Order(), model.Services.Select(s => s.Name).Order());
        Assert.Empty(model.Warnings);
        var svc0 = model.Service("svc0")!;
        Assert.Equal(["services/svc0/cmd/svc0"], svc0.MainPackages);
        // svc0 imports lib0 and lib4, which both start a chain of libs, so they bring no further modules.
        Assert.Equal(["example.com/synth/libs/lib0", "example.com/synth/libs/lib4"],
            svc0.Modules.Where(m => m.Contains("/libs/")).ToList());
        Assert.All(svc0.ImageInputs, f => Assert.True(File.Exists(Path.Combine(tree.Root, f)), f));
    }
}
