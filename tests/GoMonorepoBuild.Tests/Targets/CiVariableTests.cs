using GoMonorepoBuild.Ci;
using GoMonorepoBuild.Targets;

namespace GoMonorepoBuild.Tests.Targets;

public class CiVariableTests
{
    public static TheoryData<string?, bool> Values => new()
    {
        { "true", true }, { "TRUE", true }, { "1", true }, { "yes", true }, { "woodpecker", true },
        { "false", false }, { "False", false }, { "0", false }, { "", false }, { null, false },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_user_turns_CI_behaviour_off_with_false_or_0_and_any_other_value_means_CI(string? value, bool expected) =>
        Assert.Equal(expected, CiVariable.IsSet(value));

    [Theory]
    [MemberData(nameof(Values))]
    public void Plain_output_and_CI_detection_agree_on_every_value_of_CI(string? value, bool expected)
    {
        var environment = new Dictionary<string, string?>();
        if (value is not null) environment["CI"] = value;
        Assert.Equal(expected, CiEnvironment.Detect(environment, TextWriter.Null).IsCi);
    }
}
