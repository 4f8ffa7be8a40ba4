// Payloads of the kinds in OWASP's XSS filter-evasion cheat sheet. Each one,
// if it ran, would set window.__xss or request the local beacon (which counts
// hits), so "nothing ran" is observable. `{B}` is the beacon's origin.

export const XSS_TEMPLATES: string[] = [
  `<script>window.__xss=1</script>`,
  `"><script>window.__xss=2</script>`,
  `'><img src=x onerror=window.__xss=3>`,
  `<img src=x onerror="window.__xss=4">`,
  `<svg/onload=window.__xss=5>`,
  `<IMG SRC=JaVaScRiPt:window.__xss=6>`,
  `<a href="jav&#x09;ascript:window.__xss=7">x</a>`,
  `<iframe src="javascript:parent.__xss=8"></iframe>`,
  `<body onload=window.__xss=9>`,
  `<details open ontoggle=window.__xss=10>`,
  `<input autofocus onfocus=window.__xss=11>`,
  `<svg><script>window.__xss=12</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=13>`,
  `<!--<img src="--><img src=x onerror=window.__xss=14//">`,
  `<scr<script>ipt>window.__xss=15</scr</script>ipt>`,
  `</title><script>window.__xss=16</script>`,
  `</textarea><script>window.__xss=17</script>`,
  `" onmouseover="window.__xss=18" x="`,
  `' autofocus onfocus='window.__xss=19`,
  `</script><script>window.__xss=20</script>`,
  `\u2028\u2029</script><script>window.__xss=21</script>`,
  `{{constructor.constructor('window.__xss=22')()}}`,
  `<object data="javascript:window.__xss=23"></object>`,
  `<img src="{B}/img">`,
  `<link rel=stylesheet href="{B}/css">`,
  `<style>@import '{B}/import';</style>`,
  `<base href="{B}/base/">`,
  `<meta http-equiv="refresh" content="0;url={B}/refresh">`,
  `<video><source onerror="window.__xss=24"></video>`,
  `javascript:window.__xss=25`,
  `data:text/html,<script>window.__xss=26</script>`,
  `&lt;script&gt;window.__xss=27&lt;/script&gt;`,
  `%3Cscript%3Ewindow.__xss=28%3C/script%3E`,
  `<div style="background:url(javascript:window.__xss=29)">`,
  `<form action="{B}/form"><button>go</button></form>`,
  `\u202e<script>window.__xss=30</script>`,
];

export const payloads = (beacon: string) => XSS_TEMPLATES.map((t) => t.replaceAll("{B}", beacon));

/** Payloads joined into one string of at most `max` characters, starting at payload `from` (so short fields see different ones). */
export function payloadText(list: string[], max: number, from = 0): string {
  let out = "";
  for (let i = 0; i < list.length; i++) {
    const p = list[(from + i) % list.length];
    if (out.length + p.length + 1 > max) break;
    out += (out ? " " : "") + p;
  }
  return out;
}
