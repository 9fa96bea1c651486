using System.Reflection;

namespace GoMonorepoBuild.Targets;

/// <summary>
/// A component's <c>[Parameter]</c> property with its attribute. A class rather than a tuple so that the collections and
/// LINQ chains holding it need no JIT compilation at start-up (see <see cref="MethodIdentity"/>).
/// </summary>
internal sealed record ParameterDeclaration(PropertyInfo Property, ParameterAttribute Attribute);
