using GoMonorepoBuild.Engine.Api;

namespace GoMonorepoBuild.Tests.Engine;

/// <summary>The engine's clock and event log as its API writes them (<c>GET /info</c>, <c>GET /events</c>).</summary>
public sealed class EngineEventLogTests
{
    [Theory]
    [InlineData("2026-12-07T01:51:39.659758485Z", 1796608299659758485)]
    // Go's RFC3339Nano drops trailing zeros; an engine in another zone gives its offset.
    [InlineData("2026-12-07T01:51:39.6597Z", 1796608299659700000)]
    [InlineData("2026-12-07T01:51:39Z", 1796608299000000000)]
    [InlineData("2026-12-07T02:51:39.000000001+01:00", 1796608299000000001)]
    [InlineData("2026-12-06T20:51:39.5-05:00", 1796608299500000000)]
    public void The_engine_clock_is_read_to_the_nanosecond(string systemTime, long unixNanos)
    {
        Assert.Equal(unixNanos, EngineEventLog.UnixNanos(systemTime));
        Assert.Equal(("id-1", unixNanos), EngineEventLog.Clock($"{{\"ID\":\"id-1\",\"SystemTime\":\"{systemTime}\"}}", "engine"));
    }

    [Fact]
    public void A_clock_that_is_not_a_time_is_an_error_not_a_guess()
    {
        Assert.Null(EngineEventLog.UnixNanos("yesterday"));
        Assert.Throws<EngineApiException>(() => EngineEventLog.Clock("{\"ID\":\"x\"}", "engine"));
    }

    [Fact]
    public void Timestamps_are_asked_as_seconds_and_nine_digits_of_nanoseconds()
    {
        Assert.Equal("1796608299.000000001", EngineEventLog.Timestamp(1796608299000000001));
        Assert.Equal("0.000000000", EngineEventLog.Timestamp(0));
    }

    [Fact]
    public void Each_line_of_the_log_is_one_entry_with_its_image_name()
    {
        const string body = """
            {"status":"untag","id":"sha256:f0","Type":"image","Action":"untag","Actor":{"ID":"sha256:f0","Attributes":{"name":"team/orders:latest"}},"scope":"local","time":1796607038,"timeNano":1796607038051204628}
            {"Type":"container","Action":"start","Actor":{"ID":"81526d","Attributes":{"image":"alpine"}},"scope":"local","time":1796607039,"timeNano":1796607039000000000}

            """;

        Assert.Equal([
                new EngineEvent("image", "untag", "sha256:f0", "team/orders:latest", 1796607038051204628),
                new EngineEvent("container", "start", "81526d", null, 1796607039000000000),
            ],
            EngineEventLog.Parse(body, "engine"));
        Assert.Throws<EngineApiException>(() => EngineEventLog.Parse("{not json", "engine"));
    }
}
