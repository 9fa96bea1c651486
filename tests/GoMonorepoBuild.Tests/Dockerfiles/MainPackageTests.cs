using GoMonorepoBuild.Dockerfiles;
using static GoMonorepoBuild.Tests.Support.ServiceFixtures;

namespace GoMonorepoBuild.Tests.Dockerfiles;

/// <summary>Which main package a service's image is built from.</summary>
public class MainPackageTests
{
    [Fact]
    public void The_only_main_package_is_the_one() =>
        Assert.Equal("example.com/services/orders", MainPackage.Of(Service("orders")));

    [Fact]
    public void Of_several_the_one_named_like_the_service_wins_else_the_first() =>
        Assert.Equal(
            ["services/orders/cmd/orders", "services/orders/cmd/a"],
            [
                MainPackage.Of(Service("orders") with { MainPackages = ["services/orders/cmd/a", "services/orders/cmd/orders"] }),
                MainPackage.Of(Service("orders") with { MainPackages = ["services/orders/cmd/a", "services/orders/cmd/b"] }),
            ]);
}
