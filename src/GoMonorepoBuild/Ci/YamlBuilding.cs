using GoMonorepoBuild.Ci.Yaml;

namespace GoMonorepoBuild.Ci;

/// <summary>Lets a node be filled in place inside an initializer (<c>new YamlMap().With(m =&gt; ...)</c>).</summary>
internal static class YamlBuilding
{
    public static T With<T>(this T node, Action<T> fill) where T : YamlNode
    {
        fill(node);
        return node;
    }
}
