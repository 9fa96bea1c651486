namespace GoMonorepoBuild.Ci;

/// <summary>
/// GitHub's workflow commands (<c>::name key=value::message</c>) with the escaping the runner undoes: in the message
/// <c>%</c>, CR and LF; in property values also <c>:</c> and <c>,</c>, which would otherwise end the value.
/// </summary>
public static class WorkflowCommand
{
    public static string Format(string command, IEnumerable<KeyValuePair<string, string>> properties, string message)
    {
        var props = string.Join(',', properties.Select(p => $"{p.Key}={EscapeProperty(p.Value)}"));
        return $"::{command}{(props.Length == 0 ? "" : " " + props)}::{EscapeData(message)}";
    }

    public static string EscapeData(string value) =>
        value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");
}
