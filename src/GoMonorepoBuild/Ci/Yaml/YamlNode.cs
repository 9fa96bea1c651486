using System.Collections;

namespace GoMonorepoBuild.Ci.Yaml;

/// <summary>
/// A YAML document as the generators build it: ordered mappings, sequences and scalars. Built in code, written by
/// <see cref="YamlEmitter"/>; order is kept exactly as added so the generated files are byte-for-byte stable.
/// </summary>
public abstract class YamlNode
{
    public static implicit operator YamlNode(string value) => new YamlScalar(value);
    public static implicit operator YamlNode(bool value) => YamlScalar.Raw(value ? "true" : "false");
    public static implicit operator YamlNode(int value) => YamlScalar.Raw(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>A string (quoted when YAML would read it as something else) or a raw token such as <c>true</c>.</summary>
public sealed class YamlScalar(string value) : YamlNode
{
    public string Value { get; } = value;

    /// <summary>Written as is: booleans and numbers.</summary>
    public bool IsRaw { get; private init; }

    /// <summary>A trailing <c># comment</c>, e.g. the version of a pinned action.</summary>
    public string? Comment { get; init; }

    public static YamlScalar Raw(string token) => new(token) { IsRaw = true };

    public YamlScalar WithComment(string comment) => new(Value) { IsRaw = IsRaw, Comment = comment };
}

/// <summary>A mapping whose keys keep the order they were added in.</summary>
public sealed class YamlMap : YamlNode, IEnumerable<KeyValuePair<string, YamlNode>>
{
    readonly List<KeyValuePair<string, YamlNode>> entries = [];

    /// <summary>A blank line between entries: used for the top level and the jobs, so the file reads in blocks.</summary>
    public bool Spaced { get; init; }

    public IReadOnlyList<KeyValuePair<string, YamlNode>> Entries => entries;

    public YamlNode this[string key]
    {
        get => entries.First(e => e.Key == key).Value;
        set
        {
            var at = entries.FindIndex(e => e.Key == key);
            if (at >= 0) entries[at] = new(key, value);
            else entries.Add(new(key, value));
        }
    }

    public void Add(string key, YamlNode value) => this[key] = value;

    public IEnumerator<KeyValuePair<string, YamlNode>> GetEnumerator() => entries.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A sequence; <see cref="Flow"/> writes a short list of scalars on one line (<c>[a, b]</c>).</summary>
public sealed class YamlSeq : YamlNode, IEnumerable<YamlNode>
{
    readonly List<YamlNode> items = [];

    public bool Flow { get; init; }

    public IReadOnlyList<YamlNode> Items => items;

    public void Add(YamlNode item) => items.Add(item);

    public IEnumerator<YamlNode> GetEnumerator() => items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
