//! Export and import of one product's whole state as a JSON file. Import is all or
//! nothing: it checks size, syntax, types, schema, product, references, lengths and
//! counts, and returns every problem in French without touching the current state.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::catalogue::Catalogue;
use crate::domain::i18n::Lang;
use crate::domain::import::validate::validate;
use crate::domain::model::{Product, ProductState, Timestamp};
use crate::domain::text::json::{depth, parse};

use super::schema::{migrate, SCHEMA_VERSION};
use crate::domain::i18n::args;

/// The largest file accepted, in bytes.
pub const IMPORT_MAX_BYTES: usize = 5 * 1024 * 1024;
const FORMAT: &str = "mes-apps";
/// Deeper than any file Mes apps writes (about 7 levels), far below what could hurt.
const MAX_DEPTH: usize = 32;

#[derive(Serialize)]
struct ExportRef<'a> {
    format: &'static str,
    schema: u32,
    exported_at: Timestamp,
    data: &'a ProductState,
}

/// The file's first fields; `data` is skipped (and checked when read for real).
#[derive(Deserialize)]
struct ImportHeader {
    format: String,
    schema: u32,
}

#[derive(Deserialize)]
struct ImportFile {
    data: ProductState,
}

/// A file of an older schema, whose data is migrated before it is read.
#[derive(Deserialize)]
struct ImportOld {
    data: Value,
}

/// The file's text: pretty JSON, for people to read too.
pub fn export(state: &ProductState, now: Timestamp) -> String {
    serde_json::to_string_pretty(&ExportRef {
        format: FORMAT,
        schema: SCHEMA_VERSION,
        exported_at: now,
        data: state,
    })
    .unwrap_or_default()
}

/// The refusal of a file over [`IMPORT_MAX_BYTES`]: "Le fichier pèse 5,2 Mo : 5 Mo au
/// maximum." (integer arithmetic: no float formatting in the build).
pub fn too_big(bytes: u64, lang: Lang) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576;
    let mark = match lang {
        Lang::Fr => ',',
        Lang::En => '.',
    };
    lang.exchange_too_big(format!("{}{mark}{}", tenths / 10, tenths % 10))
}

/// A file name such as `mes-apps-quickbooks-2026-11-27.json`.
pub fn file_name(product: Product, iso_date: &str) -> String {
    format!("mes-apps-{}-{iso_date}.json", product.slug())
}

/// Reads an exported file for `product`. `Err` lists every problem found, in `lang`.
pub fn import(
    text: &str,
    product: Product,
    catalogue: &Catalogue,
    lang: Lang,
) -> Result<ProductState, Vec<String>> {
    if text.len() > IMPORT_MAX_BYTES {
        return Err(vec![too_big(text.len() as u64, lang)]);
    }
    let nesting = depth(text);
    if nesting > MAX_DEPTH {
        return Err(vec![lang.exchange_too_deep(args::ExchangeTooDeep {
            max: &MAX_DEPTH,
            n: &nesting,
        })]);
    }
    let header: ImportHeader = match parse(text) {
        Ok(h) => h,
        // JSON, but not of our shape.
        Err(e) if e.inner.is_data() => return Err(vec![lang.exchange_not_ours().into()]),
        // Not even JSON, or cut short: say where.
        Err(e) => return Err(vec![e.text(lang)]),
    };
    if header.format != FORMAT {
        return Err(vec![lang.exchange_not_ours().into()]);
    }
    if header.schema > SCHEMA_VERSION {
        return Err(vec![lang.exchange_newer(args::ExchangeNewer {
            max: &SCHEMA_VERSION,
            schema: &header.schema,
        })]);
    }
    let current;
    let text = if header.schema == SCHEMA_VERSION {
        text
    } else {
        // An older file: its data is brought up to date, then read like a current one.
        let old: ImportOld = parse(text).map_err(|e| vec![e.text(lang)])?;
        let data =
            migrate(old.data, header.schema).map_err(|e| vec![e.0.text(lang).to_string()])?;
        current = serde_json::json!({ "data": data }).to_string();
        &current
    };
    let file: ImportFile = parse(text).map_err(|e| vec![e.text(lang)])?;
    validate(&file.data, product, catalogue)
        .map_err(|problems| problems.iter().map(|p| p.text(lang)).collect::<Vec<_>>())?;
    Ok(file.data)
}
