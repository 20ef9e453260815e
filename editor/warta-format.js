// The authoring contract's file format for the web editor: a `Key: value` header, a blank line, a Markdown body.
//
// It reads a file as warta/model/contract.py's parse_document does, and writes it back keeping every byte it was
// not asked to change: the key names a file already uses (Title or Judul), their order, continuation lines, CRLF,
// a byte-order mark, unknown keys. Keys a file did not have are added with the names the site's reader knows
// (`keyNames`, from the generated configuration). What the file looked like travels with the entry in the
// hidden field `warta_layout`, since the editor hands only the entry's values to `toFile`.
// Sveltia 0.221.1 hands it the text trimmed and made LF, so there CRLF and a byte-order mark never reach it: the
// repository stores LF anyway, and `invoke cms` puts a working-tree file's CRLF and BOM back (docs/editor-web.md).

// Python's str.splitlines() boundaries, so lines are numbered as the Python reader numbers them.
const LINE = /([^\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]*)(\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]|$)/gy;
const KEY_LINE = /^[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*:[ \t]*(.*?)\s*$/;
const CONTINUATION = /^( {4,}|\t)\S/;
// `![alt](file "caption")`, the file <in angle brackets> when it holds spaces (as warta/galleries.py reads it).
const PHOTO = /^\s*!\[([^\]]*)\]\(\s*(?:<([^>]+)>|([^\s)]+))(?:\s+(["'])(.*?)\4)?\s*\)\s*$/;

// A link or image target the editor wrote %-encoded (`IMG%200001.JPG`): written back as the name staff see.
const ENCODED_TARGET = /(!?\[[^\]]*\]\()([^\s()<>]*%[0-9A-Fa-f]{2}[^\s()<>]*)((?:\s+"[^"]*")?\))/g;

export const LAYOUT = "warta_layout";

// Every key name the reader accepts, and the field it fills (warta/contract.py: CREDIT_KEYS, PLAIN_KEYS).
const ALIASES = {
  title: ["title", "judul"],
  date: ["date", "tanggal"],
  modified: ["modified", "diperbarui"],
  place: ["place", "tempat"],
  category: ["category", "kategori"],
  tags: ["tags", "tag"],
  gallery: ["gallery", "galeri"],
  cover: ["cover", "sampul"],
  summary: ["summary", "ringkasan"],
  status: ["status"],
  slug: ["slug"],
  writer: ["penulis", "writer", "author"],
  editor: ["editor"],
  translator: ["penerjemah", "translator"],
  photographer: ["fotografer", "photographer"],
  protection: ["perlindungan", "protection"],
  reviewed: ["ditinjau", "reviewed"],
};
const FIELD_OF = Object.fromEntries(
  Object.entries(ALIASES).flatMap(([field, names]) => names.map((name) => [name, field])),
);
// The order of keys added to a file, as the contract lists them.
export const ORDER = Object.keys(ALIASES);
// Names for new keys when the configuration gives none: the contract's English names, known to every reader.
export const DEFAULT_KEY_NAMES = {
  title: "Title", date: "Date", modified: "Modified", place: "Place", category: "Category", tags: "Tags",
  gallery: "Gallery", cover: "Cover", summary: "Summary", status: "Status", slug: "Slug", writer: "Penulis",
  editor: "Editor", translator: "Penerjemah", photographer: "Fotografer", protection: "Perlindungan",
  reviewed: "Ditinjau",
};

function lines(text) {
  const found = [];
  LINE.lastIndex = 0;
  while (LINE.lastIndex < text.length) {
    const match = LINE.exec(text);
    found.push({ text: match[1], raw: match[0] });
  }
  return found;
}

const isBlank = (line) => line.trim() === "";
const clean = (value) => (value === undefined || value === null ? "" : String(value)).trim();

/** Split `text` into the entry's values and the layout that writes it back unchanged. */
export function parse(text) {
  const bom = text.startsWith("\ufeff") ? "\ufeff" : "";
  const all = lines(text.slice(bom.length));
  let index = 0;
  while (index < all.length && isBlank(all[index].text)) index += 1;
  const layout = { bom, eol: eolOf(all), lead: all.slice(0, index).map((l) => l.raw).join(""), fields: [] };
  const values = {};
  let last = null;
  for (; index < all.length; index += 1) {
    const { text: line, raw } = all[index];
    const match = KEY_LINE.exec(line);
    if (last && CONTINUATION.test(line)) {
      last.value = `${last.value} ${line.trim()}`.trim();
      last.raw += raw;
    } else if (match) {
      const field = FIELD_OF[match[1].toLowerCase()] ?? null;
      const repeated = field !== null && field in values;
      last = { field: repeated ? null : field, written: match[1], value: match[2], raw };
      layout.fields.push(last);
      if (last.field) values[field] = "";
    } else break;
  }
  for (const found of layout.fields) if (found.field) values[found.field] = found.value;
  const rest = all.slice(index);
  layout.rest = rest.map((l) => l.raw).join("");
  // The blank line that ends the header is the format's, not the body's.
  const bodyLines = rest.length && isBlank(rest[0].text) && layout.fields.length ? rest.slice(1) : rest;
  layout.body = bodyLines.map((l) => l.text).join("\n");
  values.body = layout.body;
  return { values, layout };
}

function eolOf(all) {
  const ended = all.find((line) => line.raw.length > line.text.length);
  return ended ? ended.raw.slice(ended.text.length) : "\n";
}

/** A header key with `value`; a value of several lines continues on lines indented by four spaces. */
function headerLines(name, value, eol) {
  const [first, ...more] = value.split(/\r?\n/).map((part) => part.trim()).filter(Boolean);
  return [`${name}: ${first}`, ...more.map((part) => `    ${part}`)].map((line) => line + eol).join("");
}

/** `](IMG%200001.JPG)` as `](<IMG 0001.JPG>)`: what a Markdown preview and the site's reader both follow. */
export function readableTargets(body) {
  return body.replace(ENCODED_TARGET, (whole, opening, target, rest) => {
    let name;
    try {
      name = decodeURIComponent(target);
    } catch {
      return whole;
    }
    return opening + (/[\s()<>]/.test(name) ? `<${name}>` : name) + rest;
  });
}

const freshLayout = () => ({ bom: "", eol: "\n", lead: "", fields: [], rest: null, body: null });

/** The file for the entry `values`, keeping everything of `layout` that the values did not change. */
export function serialize(values, layout = null, keyNames = DEFAULT_KEY_NAMES) {
  const was = layout ?? freshLayout();
  const { eol } = was;
  const chunks = [];
  const add = (chunk) => {
    if (chunks.length && !/[\r\n]$/.test(chunks[chunks.length - 1])) chunks.push(eol);
    chunks.push(chunk);
  };
  const written = new Set();
  for (const found of was.fields) {
    if (!found.field) {
      add(found.raw);
      continue;
    }
    written.add(found.field);
    const value = clean(values[found.field]);
    if (value === found.value) add(found.raw);
    else if (value) add(headerLines(found.written, value, eol));
  }
  for (const field of ORDER) {
    const value = clean(values[field]);
    if (!written.has(field) && value) add(headerLines(keyNames[field] ?? DEFAULT_KEY_NAMES[field], value, eol));
  }
  const body = values.body ?? "";
  let tail;
  if (was.rest !== null && body === was.body) tail = was.rest;
  else {
    const text = readableTargets(body.replace(/\r\n?/g, "\n").replace(/\s+$/, ""));
    tail = (chunks.length ? eol : "") + (text ? text.split("\n").join(eol) + eol : "");
  }
  if (tail) add(tail);
  return was.bom + was.lead + chunks.join("");
}

/** A gallery's body as its photos in display order: `{image, alt, caption}`; other lines stay in the layout. */
export function parseGallery(text) {
  const { values, layout } = parse(text);
  values.photos = values.body
    .split("\n")
    .map((line) => PHOTO.exec(line))
    .filter(Boolean)
    .map((match) => ({ image: match[2] ?? match[3], alt: match[1], caption: match[5] ?? "" }));
  layout.photos = JSON.stringify(values.photos);
  delete values.body;
  return { values, layout };
}

function photoLine({ image = "", alt = "", caption = "" }) {
  const file = decodeURI(clean(image)).split("/").pop();
  const target = /[\s()<>]/.test(file) ? `<${file}>` : file;
  const text = clean(caption).replace(/"/g, "\u201d");
  return `![${clean(alt).replace(/[[\]]/g, "")}](${target}${text ? ` "${text}"` : ""})`;
}

/** The gallery file for `values`: its photo lines rewritten only when the photos changed. */
export function serializeGallery(values, layout = null, keyNames = DEFAULT_KEY_NAMES) {
  const photos = (values.photos ?? []).filter((photo) => clean(photo?.image));
  const same = layout && JSON.stringify(photos.map(plainPhoto)) === JSON.stringify(JSON.parse(layout.photos));
  const body = same ? layout.body : photos.map(photoLine).join("\n");
  const rest = { ...values, body };
  delete rest.photos;
  return serialize(rest, layout, keyNames);
}

const plainPhoto = ({ image = "", alt = "", caption = "" }) => ({ image, alt, caption });

// The editor keeps the layout as text in a hidden field, so it survives the editor's own copies of the entry.
export function fromFile(text, { gallery = false } = {}) {
  const { values, layout } = gallery ? parseGallery(text) : parse(text);
  return { ...values, [LAYOUT]: JSON.stringify(layout) };
}

export function toFile(entry, { gallery = false, keyNames = DEFAULT_KEY_NAMES } = {}) {
  const { [LAYOUT]: saved, ...values } = entry ?? {};
  const layout = saved ? JSON.parse(saved) : null;
  return gallery ? serializeGallery(values, layout, keyNames) : serialize(values, layout, keyNames);
}
