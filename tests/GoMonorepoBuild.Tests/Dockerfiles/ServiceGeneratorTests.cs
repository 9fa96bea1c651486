using GoMonorepoBuild.Dockerfiles;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Dockerfiles;

public sealed class ServiceGeneratorTests : IDisposable
{
    readonly BuildxHelloMonorepo _repo = new();

    [Fact]
    public void A_service_gets_its_Dockerfile_and_staged_context_in_its_own_folder()
    {
        var generated = ServiceGenerator.Generate(_repo.Root, _repo.Hello, DockerfileOptions.Default, _repo.OutDir, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("hello", generated.Name);
        Assert.Equal(Path.Combine(_repo.OutDir, "hello", "Dockerfile"), generated.DockerfilePath);
        Assert.Equal(Path.Combine(_repo.OutDir, "hello", "context"), generated.ContextDir);
        Assert.Equal(DockerfileGenerator.Render(_repo.Hello, DockerfileOptions.Default), File.ReadAllText(generated.DockerfilePath));
        Assert.True(File.Exists(Path.Combine(generated.ContextDir, "sources/libs/greet/greet.go")));
        Assert.Equal(4, generated.Staging.Copied);
    }

    [Fact]
    public void An_unchanged_Dockerfile_is_not_rewritten()
    {
        var first = ServiceGenerator.Generate(_repo.Root, _repo.Hello, DockerfileOptions.Default, _repo.OutDir, cancellationToken: TestContext.Current.CancellationToken);
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(first.DockerfilePath, old);

        ServiceGenerator.Generate(_repo.Root, _repo.Hello, DockerfileOptions.Default, _repo.OutDir, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(old, File.GetLastWriteTimeUtc(first.DockerfilePath));

        ServiceGenerator.Generate(_repo.Root, _repo.Hello, DockerfileOptions.Default.WithCaCertificates(), _repo.OutDir, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotEqual(old, File.GetLastWriteTimeUtc(first.DockerfilePath));
    }

    [Fact]
    public void A_Dockerfile_a_user_wrote_is_never_overwritten()
    {
        var own = Path.Combine(_repo.OutDir, "hello", "Dockerfile");
        Directory.CreateDirectory(Path.GetDirectoryName(own)!);
        const string users = "FROM scratch\nCOPY app /app\n";
        File.WriteAllText(own, users);

        var e = Assert.Throws<InvalidServiceInputException>(() =>
            ServiceGenerator.Generate(_repo.Root, _repo.Hello, DockerfileOptions.Default, _repo.OutDir, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("never overwritten", e.Message);
        Assert.Contains(own, e.Message);
        Assert.Equal(users, File.ReadAllText(own));
        Assert.False(Directory.Exists(Path.Combine(_repo.OutDir, "hello", "context")));
    }

    [Fact]
    public void A_context_folder_holding_files_without_a_generated_Dockerfile_is_left_alone()
    {
        var mine = Path.Combine(_repo.OutDir, "hello", "context", "notes.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(mine)!);
        File.WriteAllText(mine, "mine");

        var e = Assert.Throws<InvalidServiceInputException>(() =>
            ServiceGenerator.Generate(_repo.Root, _repo.Hello, DockerfileOptions.Default, _repo.OutDir, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("staging would delete them", e.Message);
        Assert.Equal("mine", File.ReadAllText(mine));
    }

    public void Dispose() => _repo.Dispose();
}
