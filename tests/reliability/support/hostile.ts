import fc from "fast-check";

// Hostile input for the bad-input tests: a fixed corpus of strings and raw
// bodies that have broken real systems, plus fast-check arbitraries that mix
// them with random text (lone surrogates included) and wrong JSON types.

const long = (n: number, unit = "a") => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

export const HOSTILE_STRINGS: string[] = [
  "", " ", "\t\n\r", "\u00a0\u2003\u3000",
  long(10_001), long(70_000, "日本語"), long(2_100, "👩‍👩‍👧‍👦"),
  "\u0000", "a\u0000b", "\u0001\u0002\u001b[31m\u007f\u0085", "\u2028\u2029",
  "\ud800", "\udfff", "a\ud83db", "\udc00\ud800", "💩".slice(0, 1),
  "👩‍👩‍👧‍👦", "🏳️‍🌈🇺🇦🇷🇺", "e\u0301\u0301\u0301\u0301", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗̻̊", "\ufeffBOM", "\u200b\u200c\u200d\u2060", "\ufffe\uffff",
  "\u202eevil\u202c.txt", "\u200fמה\u200e abc", "مرحبا بالعالم", "İıßẞ", "ＡＢＣ１２３",
  "'; DROP TABLE statements; --", "\" OR 1=1 --", "1 UNION SELECT name, sql FROM sqlite_master", "%' AND 1=1 --", "x'||(SELECT hex(randomblob(8)))||'",
  "<script>window.__xss=1</script>", "<img src=x onerror=alert(1)>", "\"><svg/onload=alert(1)>", "javascript:alert(1)", "</textarea><script>1</script>",
  "${7*7}", "{{7*7}}", "#{7*7}", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "%2e%2e%2f", "%F0%9F%92%A9", "%ZZ",
  "a\r\nSet-Cookie: x=y", "__proto__", "constructor", "prototype", "toString", "NaN", "Infinity", "-0", "1e309", "0x10", "00012", "-1", "1.5", "9007199254740993",
  "2024-02-30", "2024-13-01", "9999-12-31", "0000-00-00", "2024", "2024-06", "+002024-06-14", "2024-06-14T00:00:00Z", "undefined", "null", "true",
  "=cmd|' /C calc'!A0", "@SUM(1+1)", "+1+1", "\"quoted\"", "back\\slash", "/", "?", "#", "&", "%",
];

/** JSON values of every type, for fields that expect something else. */
export const HOSTILE_VALUES: unknown[] = [
  null, true, false, 0, -1, 1.5, -0.0, 1e308, -1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 4294967296,
  [], [null], [""], ["a", 1, null], {}, { "": "" }, { __proto__: { polluted: 1 } }, JSON.parse("{\"__proto__\":{\"polluted\":1}}"),
  { constructor: { prototype: { polluted: 1 } } }, [[[[[[[[[[[]]]]]]]]]]], long(100, "["), { topic: "x", stance: "supports" },
];

const nest = (depth: number, open: string, close: string, inner = "1") => open.repeat(depth) + inner + close.repeat(depth);

/** Bodies no JSON encoder would produce: sent as raw bytes with a JSON content type. */
export const RAW_BODIES: (string | Buffer)[] = [
  "", " ", "null", "true", "0", "\"text\"", "[]", "[{}]", "{", "}", "{\"a\":}", "{'a':1}", "{a:1}", "{\"a\":1,}", "{\"a\":1}{\"b\":2}",
  "{\"a\":1} // comment", "/* c */ {}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-Infinity}", "{\"a\":undefined}", "{\"a\":0x10}", "{\"a\":01}",
  `{"a":1${"0".repeat(400)}}`, `{"a":-1e99999}`, `{"a":1e-99999}`, `{"name":${"9".repeat(5000)}}`,
  nest(10_000, "[", "]"), nest(5_000, "{\"a\":", "}"), `{"name":${nest(3_000, "[", "]")}}`, nest(200_000, "[", "]", ""),
  "{\"name\":\"a\",\"name\":\"b\"}", "{\"name\":\"a\",\"name\":{}}", "{\"__proto__\":{\"admin\":true},\"name\":\"p\"}",
  "{\"name\":\"nul\\u0000byte\"}", "{\"name\":\"lone \\ud800 surrogate\"}", "{\"name\":\"\\uDFFF\\uD800\"}", "{\"name\":\"bad escape \\x41\"}",
  Buffer.from("{\"name\":\"raw nul \u0000 byte\"}", "utf8"), Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d]),
  Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from("{\"name\":\"bom\"}")]), Buffer.from("{\"name\":\"utf16\"}", "utf16le"),
  `{${Array.from({ length: 5000 }, (_, i) => `"k${i}":${i}`).join(",")}}`, `{"${long(100_000, "k")}":1}`, `[${Array.from({ length: 50_000 }, () => "0").join(",")}]`,
];

/** Query strings that should be refused or ignored, never crash a list. */
export const HOSTILE_QUERIES: string[] = [
  "limit=0", "limit=-1", "limit=201", "limit=1e9", "limit=NaN", "limit=1.5", "limit=", "limit=1&limit=2", "cursor=%00", "cursor=bm9wZQ",
  `cursor=${long(300, "A")}`, "cursor=YTk5OTk5OTk5OTk5OTk5", "kind=%3Cscript%3E", "speaker=-1", "speaker=1e400", "topic=0", "status=all",
  "q=%27%20OR%201%3D1", `q=${encodeURIComponent(long(300, "q"))}`, "unknown=1", "__proto__[x]=1", "a[]=1", "%ZZ=1", "=", "&&&", "limit=%F0%9F%92%A9",
];

/** Any UTF-16 code unit, so lone surrogates and controls turn up. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 80 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom(...HOSTILE_STRINGS)).map(([a, b]) => a.slice(0, 500) + b.slice(0, 500)) },
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 1, arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 25 }) },
);
