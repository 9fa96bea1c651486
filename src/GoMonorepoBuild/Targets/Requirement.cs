using System.Linq.Expressions;
using System.Reflection;

namespace GoMonorepoBuild.Targets;

/// <summary>A value a target <c>Requires</c>; usually a parameter, whose spellings the error message then names.</summary>
internal sealed record Requirement(string MemberName, Func<object?> Read, ParameterDescriptor? Parameter)
{
    public bool IsMissing => Read() switch
    {
        null => true,
        string text => string.IsNullOrWhiteSpace(text),
        Array array => array.Length == 0,
        _ => false,
    };

    public string Describe() => Parameter is null
        ? $"'{MemberName}' has no value"
        : $"parameter '{Parameter.Name}' has no value: pass {Parameter.CliName} <value>, set the environment variable " +
          $"{Parameter.EnvironmentName}, or add \"{Parameter.Name}\" to .nuke/parameters.json";

    public static Requirement From(LambdaExpression expression, object build, IReadOnlyList<ParameterDescriptor> parameters)
    {
        var body = expression.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : expression.Body;
        if (body is MemberExpression { Member: FieldInfo or PropertyInfo } member &&
            parameters.FirstOrDefault(p => p.Member.Name == member.Member.Name &&
                                           p.Member.DeclaringType!.IsAssignableFrom(member.Member.DeclaringType)) is { } parameter)
            return new Requirement(parameter.Name, () => parameter.GetValue(build), parameter);

        var compiled = expression.Compile();
        var name = body is MemberExpression m ? m.Member.Name : body.ToString();
        return new Requirement(name, () => compiled.DynamicInvoke(), null);
    }
}
