using GoMonorepoBuild.Ci;
using GoMonorepoBuild.Tests.Targets;

namespace GoMonorepoBuild.Tests.Ci;

public class AffectedMatrixTests
{
    [Fact]
    public void The_matrix_format_and_the_full_json_give_the_same_services()
    {
        var matrix = AffectedMatrix.Parse("""{"include":[{"service":"orders","path":"services/orders"}]}""");
        var full = AffectedMatrix.Parse("""
            {"base":"abc","head":"def","changedFiles":["libs/money/money.go"],
             "services":[{"name":"orders","path":"services/orders","reasons":[{"kind":"dependencyChanged","detail":"libs/money","chain":[]}]}],
             "ignoredFiles":[],"fallback":null}
            """);
        Assert.Equal([new AffectedService("orders", "services/orders")], matrix);
        Assert.Equal(matrix, full);
    }

    [Fact]
    public void The_matrix_output_is_one_line_of_json_github_can_hold()
    {
        var json = AffectedMatrix.ToMatrixJson([new("orders", "services/orders"), new("payments", "services/payments")]);
        Assert.Equal("""{"include":[{"service":"orders","path":"services/orders"},{"service":"payments","path":"services/payments"}]}""", json);
        Assert.Equal("""{"include":[]}""", AffectedMatrix.ToMatrixJson([]));
    }

    [Fact]
    public void A_missing_file_says_to_run_affected_first()
    {
        var error = Assert.Throws<FileNotFoundException>(() => AffectedMatrix.Read("/nonexistent/affected.json"));
        Assert.Contains("./build.sh Affected", error.Message);
    }

    [Fact]
    public void A_file_of_another_shape_is_named_with_what_was_expected()
    {
        using var temp = new TempFolder();
        var file = temp.Write("affected.json", """{"services":[{"path":"x"}]}""");
        var error = Assert.Throws<InvalidDataException>(() => AffectedMatrix.Read(file));
        Assert.Contains(file, error.Message);
        Assert.Contains("\"name\"", error.Message);
    }
}
