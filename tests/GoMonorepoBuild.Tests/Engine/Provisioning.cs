using GoMonorepoBuild.Engine;
using GoMonorepoBuild.Tests.Support;

namespace GoMonorepoBuild.Tests.Engine;

/// <summary>
/// Tests that provision real engines need root on Debian-family Linux; elsewhere they skip locally and FAIL in CI,
/// like <see cref="RealEngine.Require"/>. Fresh homes share the default home's package cache, so they never download again.
/// </summary>
static class Provisioning
{
    public static void Require()
    {
        if (HostSystem.Detect().WhyNotProvisionable() is not { } why) return;
        var message = $"cannot provision a private engine here: {why}";
        if (RealEngine.IsCi) Assert.Fail(message);
        Assert.Skip(message);
    }

    /// <summary>A fresh, short home (unix socket paths must stay short) that ignores any configured engine.</summary>
    public static EngineOptions FreshHome() =>
        new EngineOptions(Directory.CreateTempSubdirectory("gmb-").FullName)
            .WithPackageCache(new EngineOptions().PackageCache)
            .WithoutAmbientEngine();

    /// <summary>Processes whose command line mentions <paramref name="home"/>: the daemons of that home.</summary>
    public static IReadOnlyList<string> ProcessesOf(string home) =>
        Directory.EnumerateDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d => { try { return File.ReadAllText(Path.Combine(d, "cmdline")).Replace('\0', ' '); } catch (IOException) { return ""; } })
            .Where(cmd => cmd.Contains(home, StringComparison.Ordinal))
            .ToList();

    public static void DeleteHome(string home)
    {
        try { Directory.Delete(home, recursive: true); }
        catch (IOException) { /* a leftover mount keeps a few files; the temp folder is cleaned with the machine */ }
        catch (UnauthorizedAccessException) { }
    }
}
