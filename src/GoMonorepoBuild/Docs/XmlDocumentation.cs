using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace GoMonorepoBuild.Docs;

/// <summary>The summaries of the compiler's XML documentation file that sits next to an assembly, as Markdown.</summary>
internal sealed partial class XmlDocumentation
{
    readonly Dictionary<string, XElement> members;

    XmlDocumentation(Dictionary<string, XElement> members) => this.members = members;

    public static XmlDocumentation For(Assembly assembly)
    {
        // Next to the application rather than at assembly.Location, which is empty when compiled ahead of time (Native AOT).
        var path = Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".xml");
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"The XML documentation file {path} is missing: build {assembly.GetName().Name} with GenerateDocumentationFile on.", path);
        var document = XDocument.Load(path);
        return new XmlDocumentation(document.Descendants("member")
            .Where(m => m.Attribute("name") is not null)
            .GroupBy(m => m.Attribute("name")!.Value)
            .ToDictionary(g => g.Key, g => g.First()));
    }

    /// <summary>The member's summary on one line, or "" when it has none.</summary>
    public string Summary(MemberInfo member)
    {
        var type = member.DeclaringType?.FullName?.Replace('+', '.');
        var id = member switch
        {
            PropertyInfo => $"P:{type}.{member.Name}",
            FieldInfo => $"F:{type}.{member.Name}",
            MethodInfo => $"M:{type}.{member.Name}",
            Type t => $"T:{t.FullName?.Replace('+', '.')}",
            _ => null,
        };
        if (id is null) return "";
        // Methods carry their parameter types in the id; the first overload's summary stands for the name.
        var element = members.GetValueOrDefault(id)
                      ?? (member is MethodInfo ? members.FirstOrDefault(m => m.Key.StartsWith(id + "(", StringComparison.Ordinal) ||
                                                                             m.Key.StartsWith(id + "``", StringComparison.Ordinal)).Value : null);
        return element?.Element("summary") is { } summary ? Markdown(summary) : "";
    }

    static string Markdown(XElement summary)
    {
        var text = new StringBuilder();
        foreach (var node in summary.Nodes())
            text.Append(node switch
            {
                XText plain => plain.Value,
                XElement { Name.LocalName: "c" or "code" } code => $"`{code.Value}`",
                XElement { Name.LocalName: "see" or "seealso" } see => $"`{ShortName(see.Attribute("cref")?.Value ?? see.Attribute("langword")?.Value ?? see.Value)}`",
                XElement { Name.LocalName: "paramref" or "typeparamref" } reference => $"`{reference.Attribute("name")?.Value}`",
                XElement other => other.Value,
                _ => "",
            });
        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    /// <summary><c>M:GoMonorepoBuild.MonorepoBuild.DecideBuildsAsync(System.Threading.CancellationToken)</c> → <c>DecideBuildsAsync</c>.</summary>
    static string ShortName(string cref)
    {
        var name = cref.Contains(':') ? cref[(cref.IndexOf(':') + 1)..] : cref;
        if (name.IndexOf('(') is var parenthesis and >= 0) name = name[..parenthesis];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
