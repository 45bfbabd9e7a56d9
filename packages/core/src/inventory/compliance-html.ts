import { escapeHtml as h } from '../report/escape.js';
import { BSI_FIELDS, BSI_FIELD_LABELS, vulnerabilityRows, type ComplianceRecord } from './compliance-report.js';

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.meta{color:#59636e;margin-bottom:16px}
.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{border:1px solid #d1d9e0;border-radius:8px;padding:10px 16px;min-width:120px}
.card b{display:block;font-size:22px}
table{border-collapse:collapse;width:100%;margin-top:6px}
th,td{border:1px solid #d1d9e0;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}
code{font:12px ui-monospace,monospace;word-break:break-all}
.sev-critical,.sev-high{color:#fff;background:#cf222e;border-radius:4px;padding:0 5px}
.sev-moderate,.sev-medium{background:#fff8c5;border-radius:4px;padding:0 5px}
.yes{background:#dafbe1}.no{background:#ffebe9}
`;

/**
 * The compliance record as one self-contained HTML page: inline styles, no scripts, no external resources.
 * Every text that came from a lockfile, an SBOM or an advisory is escaped.
 */
export function complianceHtml(record: ComplianceRecord): string {
  const s = record.summary;
  const title = `Compliance record: ${record.repo} at ${record.ref}`;
  const rows = record.components
    .map((c) => {
      const vulns = c.vulnerabilities
        .map((v) => `<div><span class="sev-${h(v.severity)}">${h(v.severity)}</span> ${h(v.id)} — VEX ${h(v.vex)}${v.fixed ? `, fixed in ${h(v.fixed)}` : ''}<br><small>${h(v.summary)}</small></div>`)
        .join('');
      return `<tr><td>${h(c.name)}</td><td>${h(c.version)}</td><td><code>${h(c.purl)}</code></td><td>${h(c.supplier ?? c.author ?? '—')}</td><td><code>${h(c.origin)}</code></td><td>${h(c.licenses.declared.join(', ') || '—')}</td><td><code>${c.sha512 ? h(`${c.sha512.slice(0, 24)}…`) : 'missing'}</code></td><td>${c.direct ? 'direct' : 'transitive'}</td><td>${vulns || '—'}</td></tr>`;
    })
    .join('\n');
  const vulnRows = vulnerabilityRows(record)
    .map((v) => `<tr><td><span class="sev-${h(v.severity)}">${h(v.severity)}</span></td><td>${h(v.id)}</td><td>${h(v.component)} ${h(v.version)}</td><td>${h(v.vex)}</td><td>${v.fixed ? h(v.fixed) : '—'}</td><td>${h(v.summary)}</td></tr>`)
    .join('\n');
  const vulnerabilities = vulnRows
    ? `<table><thead><tr><th>severity</th><th>advisory</th><th>component</th><th>VEX</th><th>fixed in</th><th>summary</th></tr></thead>\n<tbody>\n${vulnRows}\n</tbody></table>`
    : `<p>No known vulnerabilities in this release's components at the last re-evaluation.</p>`;
  const bsiRows = BSI_FIELDS.map((f) => {
    const have = s.bsiCoverage[f];
    return `<tr><td>${h(BSI_FIELD_LABELS[f])}</td><td class="${have === s.components ? 'yes' : 'no'}">${have} / ${s.components}</td></tr>`;
  }).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${h(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${h(title)}</h1>
<div class="meta">commit <code>${h(record.commit ?? 'unknown')}</code> · snapshot ${h(record.takenAt)} · from ${h(record.inputs.join(', '))} · generated ${h(record.generatedAt)}</div>
<div class="cards">
<div class="card"><b>${s.components}</b>components</div>
<div class="card"><b>${s.direct}</b>direct</div>
<div class="card"><b>${s.withSha512}</b>with SHA-512</div>
<div class="card"><b>${s.withLicense}</b>with a license</div>
<div class="card"><b>${s.openVulnerabilities}</b>open vulnerabilities</div>
</div>
<h2>Vulnerabilities</h2>
${vulnerabilities}
<h2>Components</h2>
<table><thead><tr><th>component</th><th>version</th><th>purl</th><th>supplier</th><th>origin</th><th>licenses</th><th>SHA-512</th><th>dependency</th><th>vulnerabilities</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<h2>BSI TR-03183-2 component fields</h2>
<table><thead><tr><th>field</th><th>components that have it</th></tr></thead><tbody>
${bsiRows}
</tbody></table>
</body></html>
`;
}
