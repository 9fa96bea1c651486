using System.Security.Cryptography;
using System.Text;

namespace GoMonorepoBuild.Reports;

/// <summary>
/// The report page's only script, inline: the overview's filter box, status filter and sortable columns. The page's
/// Content-Security-Policy allows exactly this script by its SHA-256 and nothing else (no network, no other code).
/// Sorting keeps the status groups (failed, cancelled, built, skipped) in their order and sorts within each.
/// </summary>
static class ReportPageScript
{
    public const string Source = """
        (() => {
          const table = document.getElementById('overview');
          if (!table) return;
          const text = document.getElementById('filter'), status = document.getElementById('status-filter');
          const showSkipped = document.getElementById('show-skipped'), shown = document.getElementById('shown');
          const rows = Array.from(table.querySelectorAll('tr[data-service]'));
          function apply() {
            const q = text.value.trim().toLowerCase(), st = status.value;
            const expand = showSkipped.checked || q !== '' || st === 'skipped';
            table.classList.toggle('expand-skipped', expand);
            let n = 0;
            for (const row of rows) {
              const match = (q === '' || row.dataset.search.includes(q)) && (st === '' || row.dataset.status === st);
              row.hidden = !match;
              if (match && (expand || row.dataset.status !== 'skipped')) n++;
            }
            shown.textContent = n + ' of ' + rows.length + ' services shown';
          }
          text.addEventListener('input', apply);
          status.addEventListener('change', apply);
          showSkipped.addEventListener('change', apply);
          for (const th of table.querySelectorAll('th[data-sort]')) {
            th.querySelector('button').addEventListener('click', () => {
              const descending = th.getAttribute('aria-sort') === 'ascending';
              for (const other of table.querySelectorAll('th[aria-sort]')) other.removeAttribute('aria-sort');
              th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
              const col = th.cellIndex, numeric = th.dataset.sort === 'number', sign = descending ? -1 : 1;
              const key = row => row.cells[col].dataset.value ?? row.cells[col].textContent;
              for (const body of table.tBodies) {
                const sorted = Array.from(body.rows).sort((a, b) => {
                  const x = key(a), y = key(b);
                  return sign * (numeric ? (Number(x) - Number(y)) : x.localeCompare(y));
                });
                body.append(...sorted);
              }
            });
          }
          apply();
        })();
        """;

    /// <summary>The CSP source that allows <see cref="Source"/> and nothing else.</summary>
    public static string Hash => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Source))) + "'";
}
