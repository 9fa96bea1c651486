using System.Runtime.InteropServices;

namespace GoMonorepoBuild.Workspace;

/// <summary>
/// The type of a file system entry without following a link. On Linux it asks statx(2), whose buffer has the same layout
/// on every architecture, so pipes, sockets and devices are told from regular files; .NET's attributes cannot tell them
/// apart, and opening a pipe to read it waits for a writer. Elsewhere (or if the C library cannot be called) links and
/// folders are still told apart through .NET, and everything else counts as a file.
/// </summary>
internal static class EntryTypes
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // struct statx: stx_mask, stx_blksize, stx_attributes, stx_nlink, stx_uid, stx_gid, then stx_mode
    private const int TypeMask = 0xF000, Regular = 0x8000, Folder = 0x4000, SymbolicLink = 0xA000;

    private static bool _available = OperatingSystem.IsLinux();

    public static EntryKind Of(string fullPath)
    {
        if (_available)
        {
            try
            {
                var buffer = new byte[256];
                if (Statx(AtFdCwd, fullPath, AtSymlinkNoFollow, StatxType, buffer) != 0) return EntryKind.Missing;
                return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) switch
                {
                    Regular => EntryKind.File,
                    Folder => EntryKind.Directory,
                    SymbolicLink => EntryKind.Link,
                    _ => EntryKind.Irregular,
                };
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _available = false;
            }
        }
        var info = new FileInfo(fullPath);
        if (info.LinkTarget is not null) return EntryKind.Link;
        if (info.Exists) return EntryKind.File;
        return Directory.Exists(fullPath) ? EntryKind.Directory : EntryKind.Missing;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
