using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild;

/// <summary>The images' name prefix: a component without targets, for those that name images (BuildChanged, BuildDebugImage).</summary>
public interface IImageRegistry : IMonorepoBuild
{
    [Parameter("Image name prefix: images are <registry>/<service>:<commit> (default: gomonorepobuild)")]
    string Registry { get; set; }
}
