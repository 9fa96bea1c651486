using System.Security.Cryptography;
using System.Text;
using GoMonorepoBuild.Workspace.GoMod;
using GoMonorepoBuild.Workspace.Modules;
using GoMonorepoBuild.Workspace.Packages;
using GoMonorepoBuild.Workspace.Services;
using GoMonorepoBuild.Workspace.Vendor;

namespace GoMonorepoBuild.Workspace.Cache;

/// <summary>
/// A whole loaded model kept for the next run over the same files (issue 17 item 5: on moby, assembling the model from
/// the parse cache's parts, and opening that cache, were most of an Affected run; read back, the model costs one file).
/// One model is kept, under a <see cref="Key"/> over everything the model is made from: the caller's digest of the
/// files (Workspace knows nothing of git: Affected gives one over git's index of a clean checkout), the monorepo's
/// folder, the load options and this build of the tool. A model is kept only when it holds no problem and no
/// extra-input glob (those match files a digest of Go inputs need not describe), and its module files must be the
/// bytes the caller's keys name. The file starts with a format version and the key and ends with a SHA-256: anything
/// else, cut short or altered, is ignored; saves go through a temporary file and a rename.
/// </summary>
internal static class SavedModel
{
    // Raise whenever this layout changes (the tool's own version is in the key, so a changed loader never reads an old model).
    const int FormatVersion = 1;
    const string Magic = "gomonorepobuild model";

    /// <summary>
    /// The key of the model of the files <paramref name="contentDigest"/> describes, read from <paramref name="root"/>
    /// with <paramref name="options"/>; null when such a model is not kept (extra-input globs).
    /// </summary>
    public static string? Key(string contentDigest, string root, WorkspaceOptions options)
    {
        if (options.ServiceExtraInputs.Values.Any(globs => globs.Count > 0)) return null;
        var text = new StringBuilder().Append(Magic).Append('\n').Append(FormatVersion).Append('\n')
            .Append(typeof(SavedModel).Assembly.ManifestModule.ModuleVersionId).Append('\n')
            .Append(new MonorepoFiles(root).Root).Append('\0')
            .AppendJoin('\0', options.ServiceGlobs).Append('\n')
            .AppendJoin('\0', options.ServiceMains.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}")).Append('\n')
            .AppendJoin(',', options.Platforms).Append('\n')
            .Append(contentDigest);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// The model kept in <paramref name="file"/> under <paramref name="key"/>, read back; null when there is none (or
    /// another, damaged, of another format). Vendored packages are read on demand as in a loaded model, from a tree walked
    /// then, through <paramref name="vendorCache"/>.
    /// </summary>
    public static GoWorkspace? TryLoad(string file, string key, string root, Lazy<ModelCache?> vendorCache)
    {
        try
        {
            if (!File.Exists(file)) return null;
            return Read(File.ReadAllBytes(file), key, new MonorepoFiles(root).Root, vendorCache);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or EndOfStreamException
                                      or ArgumentException or FormatException or DecoderFallbackException or WorkspaceException)
        {
            return null;
        }
    }

    /// <summary>
    /// Keeps <paramref name="model"/> under <paramref name="key"/> when it may be kept (no problem, no extra inputs) and its
    /// module files on disk are the bytes <paramref name="keys"/> name; false when it was not kept. A failure to write
    /// only costs the next run its speed.
    /// </summary>
    public static bool Save(string file, string key, GoWorkspace model, IContentKeys keys)
    {
        if (model.Problems.Count > 0 || model.BlockedServices.Count > 0 || model.Services.Any(s => s.ExtraInputs.Files.Count > 0 || s.ExtraInputs.Globs.Count > 0))
            return false;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in model.Modules.Select(m => m.GoModFile).Concat(model.Work is null ? [] : [model.Work.File]))
        {
            if (ModuleText(model.Root, path, keys) is not { } text) return false;
            texts[path] = text;
        }
        var temp = $"{file}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(temp, Write(key, model, texts));
            File.Move(temp, file, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (Exception again) when (again is IOException or UnauthorizedAccessException) { }
            return false;
        }
    }

    /// <summary>A module file's text, when its bytes on disk are the ones the caller's keys name (so the key describes it).</summary>
    static string? ModuleText(string root, string path, IContentKeys keys)
    {
        if (keys.FileId(path) is not { } id) return null;
        try
        {
            var full = Path.Combine(root, path);
            if (new FileInfo(full).Attributes.HasFlag(FileAttributes.ReparsePoint)) return null;
            var bytes = File.ReadAllBytes(full);
            if (keys.IdOf(bytes) != id) return null;
            // Decoded as the loader's File.ReadAllText decodes (a byte-order mark chooses the encoding and is dropped).
            using var text = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return text.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    static byte[] Write(string key, GoWorkspace model, Dictionary<string, string> texts)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(key);
            PackageCodec.WriteNullable(writer, model.Work is null ? null : texts[model.Work.File]);
            writer.Write(model.Modules.Count);
            foreach (var module in model.Modules)
            {
                writer.Write(module.Path);
                writer.Write(module.Dir);
                writer.Write(texts[module.GoModFile]);
                writer.Write(module.HasGoSum);
                writer.Write(module.InWorkspace);
                PackageCodec.WriteList(writer, module.LocalDependencies);
            }
            writer.Write(model.Packages.Count);
            foreach (var (importPath, package) in model.Packages)
            {
                writer.Write(importPath);
                PackageCodec.Write(writer, package);
            }
            writer.Write(model.Services.Count);
            foreach (var service in model.Services) WriteService(writer, service);
            PackageCodec.WriteList(writer, model.Warnings);
            PackageCodec.WriteList(writer, model.Platforms.Select(p => p.ToString()).ToList());
            PackageCodec.WriteList(writer, model.AllModuleDirs.Order(StringComparer.Ordinal).ToList());
        }
        return PackageCodec.Sealed(stream.ToArray());
    }

    static GoWorkspace? Read(byte[] bytes, string key, string root, Lazy<ModelCache?> vendorCache)
    {
        using var reader = PackageCodec.Unsealed(bytes);
        if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion || reader.ReadString() != key) return null;
        var work = PackageCodec.ReadNullable(reader) is { } workText ? GoWorkFile.Parse(workText, "go.work") : null;
        var modules = new GoModule[PackageCodec.Count(reader)];
        for (var i = 0; i < modules.Length; i++)
        {
            var (path, dir, text) = (reader.ReadString(), reader.ReadString(), reader.ReadString());
            modules[i] = new GoModule(path, dir, GoModFile.Parse(text, RepoPath.Combine(dir, "go.mod")), reader.ReadBoolean(), reader.ReadBoolean())
                .WithLocalDependencies(PackageCodec.ReadList(reader));
        }
        var packages = new Dictionary<string, GoPackage>(StringComparer.Ordinal);
        for (var i = PackageCodec.Count(reader); i > 0; i--) packages[reader.ReadString()] = PackageCodec.Read(reader);
        var services = new GoService[PackageCodec.Count(reader)];
        for (var i = 0; i < services.Length; i++) services[i] = ReadService(reader);
        var warnings = PackageCodec.ReadList(reader);
        var platforms = PackageCodec.ReadList(reader).Select(TargetPlatform.Parse).ToList();
        var moduleDirs = PackageCodec.ReadList(reader).ToHashSet(StringComparer.Ordinal);
        if (reader.BaseStream.Position != reader.BaseStream.Length) throw new InvalidDataException("trailing bytes");
        var vendors = new VendorTrees(new Lazy<MonorepoTree>(() => MonorepoTree.Scan(root)), work, platforms, new LoadProblems(), vendorCache);
        return new GoWorkspace(root, work, modules, packages, services, warnings, platforms, vendors) { AllModuleDirs = moduleDirs };
    }

    static void WriteService(BinaryWriter writer, GoService s)
    {
        foreach (var text in (string[])[s.Name, s.Path, s.Module]) writer.Write(text);
        PackageCodec.WriteNullable(writer, s.GoVersion);
        foreach (var list in (IReadOnlyList<string>[])[s.MainPackages, s.Packages, s.Modules, s.ImageInputs, s.ModuleFiles, s.SourceFiles,
                     s.StdImports, s.ExternalImports, s.VendorFiles, s.VendoredPackages])
            PackageCodec.WriteList(writer, list);
        writer.Write(s.HasOwnDockerfile);
        writer.Write(s.ModuleDir);
    }

    static GoService ReadService(BinaryReader reader)
    {
        var (name, path, module, goVersion) = (reader.ReadString(), reader.ReadString(), reader.ReadString(), PackageCodec.ReadNullable(reader));
        var lists = new IReadOnlyList<string>[10];
        for (var i = 0; i < lists.Length; i++) lists[i] = PackageCodec.ReadList(reader);
        return new GoService(name, path, module, goVersion, lists[0], lists[1], lists[2], lists[3], lists[4], lists[5], lists[6], lists[7],
            reader.ReadBoolean())
        {
            VendorFiles = lists[8],
            VendoredPackages = lists[9],
            ModuleDir = reader.ReadString(),
        };
    }
}
