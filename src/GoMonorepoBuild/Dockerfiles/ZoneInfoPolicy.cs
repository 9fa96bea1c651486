namespace GoMonorepoBuild.Dockerfiles;

/// <summary>How an image gets the time zone database (<c>"zoneInfo"</c> in <c>gomonorepobuild.json</c>).</summary>
public enum ZoneInfoPolicy
{
    /// <summary>Embedded when the service's code loads locations (see <see cref="RuntimeAssets"/>), else none.</summary>
    Auto,

    /// <summary>Always embedded in the binary (<c>-tags timetzdata</c>, about 400 KB).</summary>
    Embed,

    /// <summary>Always copied as files into <c>/usr/share/zoneinfo</c> (about 1.3 MB, 4 MB on disk), e.g. for non-Go tools in the image.</summary>
    Files,

    /// <summary>Never: <c>time.LoadLocation</c> then fails for anything but UTC and Local.</summary>
    Never,
}
