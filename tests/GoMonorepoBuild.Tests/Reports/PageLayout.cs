namespace GoMonorepoBuild.Tests.Reports;

/// <summary>
/// A report page as laid out in the browser, in CSS pixels of the window (client rectangles): what a person checks
/// by looking. Measured by <see cref="Script"/>, which runs in the page through the DevTools protocol.
/// </summary>
sealed record PageLayout(
    Box Viewport,
    double ScrollWidth,
    int Rows,
    IReadOnlyList<PageLayout.Row> Failed,
    IReadOnlyList<PageLayout.Chart> Charts,
    IReadOnlyList<PageLayout.KindPart> KindParts,
    IReadOnlyList<string> Wider)
{
    public sealed record Row(string Name, Box Box);

    /// <summary>A chart (SVG) that is shown, with every text in it.</summary>
    public sealed record Chart(string Class, string Service, Box Box, IReadOnlyList<Label> Texts, IReadOnlyList<Box> Bars);

    public sealed record Label(string Text, string Class, Box Box);

    /// <summary>One step kind's part of an overview bar: the bars' extent, its label if any, its hover text.</summary>
    public sealed record KindPart(string Service, string Kind, Box Box, Box? Label, string Title);

    /// <summary>Whether <paramref name="box"/> is entirely on the first screen (no scrolling).</summary>
    public bool OnFirstScreen(Box box) =>
        box.Width > 0 && box.Top >= 0 && box.Left >= 0 && box.Bottom <= Viewport.Height + 0.5 && box.Right <= Viewport.Width + 0.5;

    /// <summary>
    /// Returns a JSON string: the window, the page's scroll width, the overview's rows, the failed ones' boxes, every
    /// shown chart with its texts (the text itself, not its hover title) and bars, the overview bars' kind parts, and the
    /// elements that reach past the window's right edge.
    /// </summary>
    public const string Script = """
        () => {
          const box = e => { const b = e.getBoundingClientRect(); return { left: b.left, top: b.top, right: b.right, bottom: b.bottom, width: b.width, height: b.height }; };
          const union = list => list.length === 0 ? null : list.reduce((a, b) => ({ left: Math.min(a.left, b.left), top: Math.min(a.top, b.top),
            right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom), width: Math.max(a.right, b.right) - Math.min(a.left, b.left),
            height: Math.max(a.bottom, b.bottom) - Math.min(a.top, b.top) }));
          const shown = e => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
          const own = t => Array.from(t.childNodes).filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.nodeValue).join('');
          const rows = Array.from(document.querySelectorAll('#overview tr[data-service]'));
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : '');
          return JSON.stringify({
            viewport: { left: 0, top: 0, right: innerWidth, bottom: innerHeight, width: innerWidth, height: innerHeight },
            scrollWidth: document.documentElement.scrollWidth,
            rows: rows.length,
            failed: rows.filter(r => r.dataset.status === 'failed').map(r => ({ name: r.dataset.service, box: box(r) })),
            charts: Array.from(document.querySelectorAll('svg[role=img]')).filter(shown).map(svg => ({
              class: svg.getAttribute('class'),
              service: svg.closest('[data-service]')?.dataset.service ?? '',
              box: box(svg),
              texts: Array.from(svg.querySelectorAll('text')).filter(shown).map(t => ({ text: own(t), class: t.getAttribute('class') ?? '', box: box(t) })),
              bars: Array.from(svg.querySelectorAll('rect[class]')).filter(shown).map(box),
            })),
            kindParts: Array.from(document.querySelectorAll('svg.kind-bar g.kind')).filter(shown).map(g => {
              const label = g.querySelector('text');
              return {
                service: g.closest('[data-service]')?.dataset.service ?? '',
                kind: g.dataset.kind,
                box: union(Array.from(g.querySelectorAll('rect')).map(box).filter(b => b.width > 0)),
                label: label && shown(label) ? box(label) : null,
                title: g.querySelector(':scope > title')?.textContent ?? '',
              };
            }),
            wider: Array.from(document.body.querySelectorAll('*')).filter(e => shown(e) && e.getBoundingClientRect().right > innerWidth + 0.5).slice(0, 20).map(name),
          });
        }
        """;
}

/// <summary>A rectangle in CSS pixels.</summary>
sealed record Box(double Left, double Top, double Right, double Bottom, double Width, double Height)
{
    const double Tolerance = 0.5;

    public bool Inside(Box outer) =>
        Left >= outer.Left - Tolerance && Right <= outer.Right + Tolerance && Top >= outer.Top - Tolerance && Bottom <= outer.Bottom + Tolerance;

    public bool Overlaps(Box other) =>
        Left < other.Right - Tolerance && other.Left < Right - Tolerance && Top < other.Bottom - Tolerance && other.Top < Bottom - Tolerance;

    public override string ToString() => $"({Left:0.#},{Top:0.#})-({Right:0.#},{Bottom:0.#})";
}
