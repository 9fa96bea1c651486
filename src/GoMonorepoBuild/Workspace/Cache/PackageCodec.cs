using System.Text;
using GoMonorepoBuild.Workspace.Packages;

namespace GoMonorepoBuild.Workspace.Cache;

/// <summary>
/// A <see cref="GoPackage"/> and string lists in the binary form the cache files use (<see cref="ParseCache"/>'s vendored
/// packages, <see cref="SavedModel"/>'s packages and services): one writer and one reader, so both files read back what
/// they wrote. A count out of range throws <see cref="InvalidDataException"/>, as a damaged file must.
/// </summary>
internal static class PackageCodec
{
    public static void Write(BinaryWriter writer, GoPackage p)
    {
        foreach (var text in (string[])[p.ImportPath, p.Name, p.Dir, p.ModulePath]) writer.Write(text);
        foreach (var list in (IReadOnlyList<string>[])[p.Files, p.ExcludedFiles, p.TestFiles, p.Imports, p.LocalImports, p.StdImports,
                     p.ExternalImports, p.TestImports, p.EmbedFiles, p.OtherSourceFiles])
            WriteList(writer, list);
        writer.Write(p.BuildConstraints.Count);
        foreach (var (file, expression) in p.BuildConstraints)
        {
            writer.Write(file);
            writer.Write(expression);
        }
    }

    public static GoPackage Read(BinaryReader reader)
    {
        var (importPath, name, dir, modulePath) = (reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString());
        var lists = new IReadOnlyList<string>[10];
        for (var j = 0; j < lists.Length; j++) lists[j] = ReadList(reader);
        var constraints = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var j = Count(reader); j > 0; j--) constraints[reader.ReadString()] = reader.ReadString();
        return new GoPackage(importPath, name, dir, modulePath, lists[0], lists[1], lists[2], lists[3], lists[4], lists[5], lists[6],
            lists[7], lists[8], lists[9], constraints);
    }

    // Every item takes at least a byte: a larger count is damage, found before an array that size is allocated (a
    // streamed file is decoded before its hash is checked).
    public static int Count(BinaryReader reader) =>
        reader.ReadInt32() is var n and >= 0 and <= 10_000_000 && n <= reader.BaseStream.Length - reader.BaseStream.Position
            ? n : throw new InvalidDataException("bad count");

    public static void WriteNullable(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null) writer.Write(text);
    }

    public static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    public static void WriteList(BinaryWriter writer, IReadOnlyList<string> list)
    {
        writer.Write(list.Count);
        foreach (var item in list) writer.Write(item);
    }

    public static string[] ReadList(BinaryReader reader)
    {
        var list = new string[Count(reader)];
        for (var i = 0; i < list.Length; i++) list[i] = reader.ReadString();
        return list;
    }

    /// <summary>The payload followed by its SHA-256, as both files end.</summary>
    public static byte[] Sealed(byte[] payload) => [.. payload, .. System.Security.Cryptography.SHA256.HashData(payload)];

    /// <summary>A reader over what precedes the SHA-256 at the end of <paramref name="bytes"/>; throws when the hash does not match.</summary>
    public static BinaryReader Unsealed(byte[] bytes) => Unsealed(bytes, 0, bytes.Length);

    /// <summary>The same over the <paramref name="count"/> bytes at <paramref name="offset"/> (a record of a journal).</summary>
    public static BinaryReader Unsealed(byte[] bytes, int offset, int count)
    {
        const int hashLength = 32;
        if (count < hashLength) throw new InvalidDataException("too short");
        var payload = bytes.AsSpan(offset, count - hashLength);
        if (!System.Security.Cryptography.SHA256.HashData(payload).AsSpan().SequenceEqual(bytes.AsSpan(offset + count - hashLength, hashLength)))
            throw new InvalidDataException("checksum");
        return new BinaryReader(new MemoryStream(bytes, offset, count - hashLength), Encoding.UTF8);
    }
}
