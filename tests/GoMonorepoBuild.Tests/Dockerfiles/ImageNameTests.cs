using GoMonorepoBuild.Dockerfiles;

namespace GoMonorepoBuild.Tests.Dockerfiles;

public class ImageNameTests
{
    [Theory]
    [InlineData("hello")]
    [InlineData("order-api")]
    [InlineData("order__api")]
    [InlineData("v2.gateway")]
    [InlineData("a--b")]
    public void Lowercase_names_with_single_separators_are_image_names(string name)
    {
        Assert.True(ImageName.IsValid(name));
        Assert.Equal(name, ImageName.FromServiceName(name));
    }

    [Fact]
    public void A_service_name_with_capitals_becomes_its_lowercase_image_name() =>
        Assert.Equal("orderapi", ImageName.FromServiceName("OrderApi"));

    [Theory]
    [InlineData("order api")]
    [InlineData("_orders")]
    [InlineData("orders-")]
    [InlineData("a..b")]
    [InlineData("a/b")]
    [InlineData("grüße")]
    public void A_service_name_that_cannot_be_an_image_name_is_a_clear_error_naming_the_service(string name)
    {
        var e = Assert.Throws<InvalidServiceInputException>(() => ImageName.FromServiceName(name));
        Assert.Equal(name, e.Service);
        Assert.Contains($"Service '{name}'", e.Message);
        Assert.Contains("cannot be an image name", e.Message);
        Assert.Contains("Rename the service's folder", e.Message);
    }

    [Fact]
    public void An_empty_or_overlong_name_is_rejected()
    {
        Assert.Throws<InvalidServiceInputException>(() => ImageName.Validate(""));
        Assert.Contains("too long", Assert.Throws<InvalidServiceInputException>(() => ImageName.Validate(new string('a', 129))).Message);
    }
}
