using System.Security.Cryptography;
using System.Text;
using GoMonorepoBuild.Workspace.GoMod;
using GoMonorepoBuild.Workspace.Modules;

namespace GoMonorepoBuild.Workspace.Vendor;

/// <summary>
/// The key of a vendored closure kept across runs (<see cref="Cache.VendorClosures"/>): everything the closure is made
/// from. The vendor folder's every entry (path, mode, content id: its modules.txt, every package folder, every link,
/// and the absence of a folder for a local import), as the caller's keys digest it; the go.mod of the module building
/// from it and the go.work (which decide vendor mode and the go version) by content; the target platforms; the folders
/// and module path; the exact set of imports of the service's local packages; and this build of the tool. Null when
/// the keys cannot vouch for one of them (no digest of the folder, a module file unknown).
/// </summary>
internal static class VendorClosureKey
{
    public static string? Of(VendorTree vendor, GoModule module, GoWorkFile? work, IEnumerable<string> localImports)
    {
        if (vendor.Cache?.Keys is not { } keys || keys.TreeDigest(vendor.Dir) is not { } digest || keys.FileId(module.GoModFile) is not { } goMod)
            return null;
        string? workId = null;
        if (work is not null && (workId = keys.FileId(work.File)) is null) return null;
        var text = new StringBuilder("vendor closure 1\n")
            .Append(typeof(VendorClosureKey).Assembly.ManifestModule.ModuleVersionId).Append('\n')
            .Append(vendor.Dir).Append('\0').Append(vendor.VendoringModuleDir).Append('\0').Append(vendor.VendoringModule).Append('\n')
            .Append(digest).Append('\n')
            .Append(module.Dir).Append('\0').Append(module.Path).Append('\0').Append(module.GoVersion).Append('\0').Append(goMod).Append('\n')
            .Append(workId).Append('\n')
            .AppendJoin(',', vendor.Platforms).Append('\n')
            .AppendJoin('\0', localImports.Distinct().Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
