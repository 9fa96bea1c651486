using YamlDotNet.RepresentationModel;

namespace GoMonorepoBuild.Tests.Ci;

/// <summary>Reads generated YAML back with YamlDotNet, so tests check what a CI's parser would see, not the text.</summary>
internal static class CiYaml
{
    public static YamlMappingNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        Assert.Single(stream.Documents);
        return Assert.IsType<YamlMappingNode>(stream.Documents[0].RootNode);
    }

    public static YamlNode At(this YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            var map = Assert.IsType<YamlMappingNode>(node);
            Assert.True(map.Children.ContainsKey(new YamlScalarNode(key)), $"no '{key}' in {string.Join(", ", map.Children.Keys)}");
            node = map.Children[new YamlScalarNode(key)];
        }
        return node;
    }

    public static string Text(this YamlNode node, params string[] path) =>
        Assert.IsType<YamlScalarNode>(node.At(path)).Value!;

    public static bool Has(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.ContainsKey(new YamlScalarNode(key));

    public static IReadOnlyList<string> Keys(this YamlNode node) =>
        Assert.IsType<YamlMappingNode>(node).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();

    public static IReadOnlyList<YamlNode> Items(this YamlNode node, params string[] path) =>
        Assert.IsType<YamlSequenceNode>(node.At(path)).Children.ToList();

    /// <summary>Every scalar under a key named <paramref name="key"/>, anywhere in the document.</summary>
    public static IEnumerable<string> AllValuesOf(this YamlNode node, string key) => node switch
    {
        YamlMappingNode map => map.Children.SelectMany(e =>
            (e.Key is YamlScalarNode { Value: var k } && k == key && e.Value is YamlScalarNode { Value: { } v } ? [v] : Array.Empty<string>())
            .Concat(e.Value.AllValuesOf(key))),
        YamlSequenceNode seq => seq.Children.SelectMany(c => c.AllValuesOf(key)),
        _ => [],
    };
}
