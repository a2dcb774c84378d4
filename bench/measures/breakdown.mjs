// Where the wasm's bytes are: twiggy (installed by scripts/setup.sh --bench) on the
// release wasm as cargo leaves it for wasm-bindgen and wasm-opt (names kept), grouped by
// crate, and the app's own code by module. Raw bytes before wasm-opt; custom sections
// and wasm-bindgen's descriptions of its bindings are set apart: wasm-bindgen and
// wasm-opt remove them.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const WASM = 'target/wasm32-unknown-unknown/release/mes-apps.wasm';

/** The first path segment of a type or path ("dlmalloc[…]::x" → "dlmalloc"), if any. */
function firstSegment(path) {
  const p = path.replace(/^(&|mut |dyn |impl |\s)+/g, '').replace(/\[[0-9a-f]+\]/g, '');
  const m = p.match(/^([A-Za-z_][A-Za-z0-9_]*)::/);
  return m ? m[1] : null;
}

/** Splits "<Self as Trait>::rest" into Self and Trait, at the outer level. */
function selfAndTrait(name) {
  let depth = 0;
  for (let i = 1; i < name.length; i++) {
    const c = name[i];
    if (c === '<') depth++;
    else if (c === '>') {
      if (depth === 0) return [name.slice(1, i), null];
      depth--;
    } else if (depth === 0 && name.startsWith(' as ', i)) {
      let d = 0;
      for (let j = i + 4; j < name.length; j++) {
        if (name[j] === '<') d++;
        else if (name[j] === '>') {
          if (d === 0) return [name.slice(1, i), name.slice(i + 4, j)];
          d--;
        }
      }
    }
  }
  return [name.slice(1), null];
}

/** The crate a symbol belongs to: its path's first segment; for a trait method, the
 *  implementing type's crate, or the trait's when the type is generic or built in. */
export function crateOf(name) {
  if (/^data(\[| segment)/.test(name)) return 'data segments (texts, catalogue, tables)';
  // Set apart: custom sections, and wasm-bindgen's descriptions of its bindings (it reads
  // and removes them); wasm-opt strips names.
  if (/subsection"?$|^custom section|^"?\.debug|^producers|^target_features|__wbindgen_describe/.test(name)) return null;
  if (/^(elem|table|type|global|memory|import|export)\b/.test(name)) return 'wasm tables, types, imports';
  if (name.startsWith('<')) {
    const [self, trait] = selfAndTrait(name);
    return firstSegment(self) ?? (trait && firstSegment(trait)) ?? 'core and alloc (built-in types)';
  }
  return firstSegment(name) ?? 'other (unnamed code)';
}

/** The app's module of a symbol of `mes_apps`, up to three levels deep. */
export function moduleOf(name) {
  const stripped = name.replace(/^[<&\s]+/g, '');
  const parts = stripped.split('::');
  const path = [];
  for (const p of parts.slice(0, -1)) {
    if (!/^[a-z_][a-z0-9_]*$/.test(p) || path.length === 4) break;
    path.push(p);
  }
  return path.join('::');
}

function items() {
  const out = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'json', WASM], { maxBuffer: 256 << 20 }).toString();
  const parsed = JSON.parse(out);
  return Array.isArray(parsed) ? parsed : parsed.items ?? [];
}

/** Markdown lines: bytes by crate, then the app's bytes by module. */
export function breakdown() {
  if (!existsSync(WASM)) return ['(no size breakdown: the release wasm is missing)'];
  let list;
  try {
    list = items();
  } catch (e) {
    return [`(no size breakdown: twiggy failed: ${e.message.split('\n')[0]})`];
  }
  const byCrate = new Map();
  const byModule = new Map();
  let custom = 0;
  for (const it of list) {
    const size = it.shallow_size ?? 0;
    const crate = crateOf(it.name);
    if (crate === null) {
      custom += size;
      continue;
    }
    byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
    if (crate === 'mes_apps') {
      const m = moduleOf(it.name) || 'mes_apps';
      byModule.set(m, (byModule.get(m) ?? 0) + size);
    }
  }
  const total = [...byCrate.values()].reduce((a, b) => a + b, 0);
  const table = (title, map, n) => {
    const rows = [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
    return [`| ${title} | KB raw | share |`, '|---|---:|---:|',
      ...rows.map(([k, v]) => `| ${k} | ${(v / 1024).toFixed(1)} | ${((100 * v) / total).toFixed(1)} % |`)];
  };
  return [
    `Size breakdown (twiggy, ${WASM}, before wasm-opt; ${(total / 1024).toFixed(1)} KB of code and data, `
      + `${(custom / 1024).toFixed(1)} KB of custom sections and binding descriptions set apart):`,
    '',
    ...table('crate', byCrate, 20),
    '',
    ...table("the app's module", byModule, 30),
  ];
}
