using System.Globalization;
using System.Text.Json;

namespace GoMonorepoBuild.Engine.Api;

/// <summary>
/// The engine's event log since a remembered entry, in two bare requests: <c>GET /info</c> for the engine's clock (its
/// <c>SystemTime</c>, to the nanosecond) and <c>GET /events?since=..&amp;until=..</c> up to that time. The engine's own
/// clock, not ours: an engine in a VM or on another host may run ahead, and an "until" ahead of the engine makes it wait
/// for that time, one behind it leaves out what just happened (e.g. a <c>docker rmi</c> just before the run). Only
/// GoMonorepoBuild's private engine, a dockerd on this very kernel, is asked without <c>/info</c>: its clock is ours.
/// </summary>
internal static class EngineEventLog
{
    /// <param name="endpoint">The engine's API endpoint.</param>
    /// <param name="engine">How messages name the engine.</param>
    /// <param name="from">The remembered entry, or null for the whole log.</param>
    /// <param name="sharesOurClock">
    /// True for GoMonorepoBuild's private engine: a dockerd this machine's kernel runs, whose clock is ours, so the
    /// <c>/info</c> answer (20-25 ms on Docker 26, on every run's critical path: it counts containers, images and storage)
    /// is not asked. Its ID is then its place (the socket): a restart empties its log, which <see cref="EngineEventWindow.Unbroken"/> sees.
    /// </param>
    /// <param name="cancellationToken">Cancels both requests.</param>
    public static async Task<EngineEventWindow> SinceAsync(Uri endpoint, string engine, EngineEvent? from, bool sharesOurClock,
        CancellationToken cancellationToken)
    {
        var (id, now) = sharesOurClock ? ($"private engine, {engine}", OurClockNanos()) : await ClockAsync(endpoint, engine, cancellationToken);
        var events = await EngineHttp.SendAsync(endpoint, "GET", $"/events?since={Timestamp(from?.TimeNano ?? 0)}&until={Timestamp(now)}",
            engine, "its events", cancellationToken);
        if (!events.Ok) throw new EngineApiException($"The engine ({engine}) answered {events.Status} when asked for its events: {events.Body.Trim()}");
        return new EngineEventWindow(id, from, Parse(events.Body, engine));
    }

    static async Task<(string Id, long NowNano)> ClockAsync(Uri endpoint, string engine, CancellationToken cancellationToken)
    {
        var info = await EngineHttp.SendAsync(endpoint, "GET", "/info", engine, "its clock", cancellationToken);
        if (!info.Ok) throw new EngineApiException($"The engine ({engine}) answered {info.Status} when asked for its clock: {info.Body.Trim()}");
        return Clock(info.Body, engine);
    }

    /// <summary>This machine's clock in nanoseconds since the epoch (to the 100 ns the system gives).</summary>
    internal static long OurClockNanos() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;

    /// <summary>The engine's ID and its clock in nanoseconds since the epoch, from its <c>GET /info</c> answer.</summary>
    internal static (string Id, long NowNano) Clock(string infoJson, string engine)
    {
        try
        {
            using var json = JsonDocument.Parse(infoJson);
            var time = ImageFactsJson.Text(json.RootElement, "SystemTime");
            return (ImageFactsJson.Text(json.RootElement, "ID"), UnixNanos(time)
                ?? throw new EngineApiException($"The engine ({engine}) answered its clock with '{time}', not a time."));
        }
        catch (JsonException e)
        {
            throw new EngineApiException($"The engine ({engine}) answered its clock with something that is not JSON: {e.Message}", e);
        }
    }

    /// <summary>RFC 3339 with up to nine fractional digits (Go's RFC3339Nano, trailing zeros dropped) in nanoseconds.</summary>
    internal static long? UnixNanos(string rfc3339)
    {
        var dot = rfc3339.IndexOf('.');
        var zone = rfc3339.IndexOfAny(['Z', 'z', '+', '-'], Math.Max(dot, rfc3339.IndexOf('T')) + 1);
        if (zone < 0) return null;
        var fraction = dot > 0 ? rfc3339[(dot + 1)..zone] : "";
        if (fraction.Length > 9 || !fraction.All(char.IsAsciiDigit)) return null;
        var whole = (dot > 0 ? rfc3339[..dot] : rfc3339[..zone]) + rfc3339[zone..];
        if (!DateTimeOffset.TryParse(whole, CultureInfo.InvariantCulture, DateTimeStyles.None, out var seconds)) return null;
        return seconds.ToUnixTimeSeconds() * 1_000_000_000 + (fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(9, '0'), CultureInfo.InvariantCulture));
    }

    /// <summary>The API's timestamp form, seconds.nanoseconds.</summary>
    internal static string Timestamp(long unixNanos) =>
        $"{unixNanos / 1_000_000_000}.{unixNanos % 1_000_000_000:D9}";

    /// <summary>The log's entries: one JSON object a line (the engine's encoder ends each with a newline).</summary>
    internal static IReadOnlyList<EngineEvent> Parse(string body, string engine)
    {
        var events = new List<EngineEvent>();
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                var e = document.RootElement;
                var actor = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("Actor", out var a) ? a : default;
                var attributes = actor.ValueKind == JsonValueKind.Object && actor.TryGetProperty("Attributes", out var at) ? at : default;
                var name = ImageFactsJson.Text(attributes, "name");
                var time = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("timeNano", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt64() : 0;
                events.Add(new EngineEvent(ImageFactsJson.Text(e, "Type"), ImageFactsJson.Text(e, "Action"), ImageFactsJson.Text(actor, "ID"),
                    name.Length > 0 ? name : null, time));
            }
            catch (JsonException ex)
            {
                throw new EngineApiException($"The engine ({engine}) answered its events with something that is not JSON: {ex.Message}", ex);
            }
        }
        return events;
    }
}
