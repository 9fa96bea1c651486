using GoMonorepoBuild.Engine.Api;

namespace GoMonorepoBuild.Engine;

/// <summary>
/// A resolved builder image and the engine's inspection of it, where resolving it made one (null after a pull or a
/// seeding): what its identity is computed from without asking the engine again.
/// </summary>
internal sealed record InspectedBuilder(BuilderImageRef Image, ImageFacts? Facts);
