using GoMonorepoBuild.Targets;
using LibGit2Sharp;

namespace GoMonorepoBuild.Changes;

/// <summary>
/// The configuration files libgit2 reads for a repository beside its own, found here and handed to LibGit2Sharp by name:
/// <c>Repository.Config</c> asks libgit2 where they are (<c>git_config_find_global/xdg/system</c>), whose answers come back
/// in a <c>git_buf</c> that a Native AOT build does not copy back (libgit2/libgit2sharp#2187), so there only the
/// repository's own file was read and a global <c>core.autocrlf</c> or <c>core.attributesFile</c> went unseen. Worse,
/// that configuration replaces the repository's inside libgit2, so its status walk lost them too: the run never opens
/// <c>Repository.Config</c> (an architecture test holds it to that) and reads <see cref="Open"/> instead.
/// libgit2's rules (v1.8, <c>sysdir.c</c>, no <c>GIT_CONFIG_*</c> variables for a repository opened by path): the global
/// file <c>$HOME/.gitconfig</c>, the XDG one <c>$XDG_CONFIG_HOME/git/config</c> (or <c>$HOME/.config/git/config</c>), the
/// system one <c>/etc/gitconfig</c>, each only when it exists.
/// </summary>
/// <param name="Global">~/.gitconfig, or null.</param>
/// <param name="Xdg">The XDG user file, or null.</param>
/// <param name="System">/etc/gitconfig, or null.</param>
internal sealed record GitConfigFiles(string? Global, string? Xdg, string? System)
{
    const string SystemFile = "/etc/gitconfig";

    /// <summary>Where libgit2 looks, from <paramref name="variable"/> (an environment's variables) and <paramref name="exists"/> (the file system).</summary>
    public static GitConfigFiles Locate(Func<string, string?> variable, Func<string, bool> exists)
    {
        var home = variable("HOME") is { Length: > 0 } h ? h : null;
        var xdgHome = variable("XDG_CONFIG_HOME") is { Length: > 0 } x ? x : home is null ? null : Path.Combine(home, ".config");
        string? Existing(string? path) => path is not null && exists(path) ? path : null;
        return new(Existing(home is null ? null : Path.Combine(home, ".gitconfig")),
            Existing(xdgHome is null ? null : Path.Combine(xdgHome, "git", "config")),
            Existing(SystemFile));
    }

    static readonly Lazy<GitConfigFiles> Process = new(() => Locate(ProcessEnvironment.Variable, File.Exists));

    /// <summary>Where libgit2 looks for this process: found once, as libgit2 reads its search paths once per process.</summary>
    public static GitConfigFiles OfProcess() => Process.Value;

    /// <summary>
    /// The configuration of the repository whose git folder is <paramref name="gitDir"/>: its own file (in the common
    /// folder, which a linked worktree's git folder names in its <c>commondir</c> file) over these files.
    /// </summary>
    public Configuration Open(string gitDir)
    {
        var own = Path.Combine(GitDirectoryDiscovery.CommonDirectory(gitDir), "config");
        // A null location lets LibGit2Sharp ask libgit2, which (under the JIT) finds what Locate found: nothing.
        return Configuration.BuildFrom(File.Exists(own) ? own : null, Global, Xdg, System);
    }
}
