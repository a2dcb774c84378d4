//! Export and import of one product's whole state as a JSON file. Import is all or
//! nothing: it checks size, syntax, types, schema, product, references, lengths and
//! counts, and returns every problem in French without touching the current state.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::catalogue::Catalogue;
use crate::domain::model::{Product, ProductState, Timestamp};
use crate::domain::validate::validate;

use super::schema::{migrate, SCHEMA_VERSION};

/// The largest file accepted, in bytes.
pub const IMPORT_MAX_BYTES: usize = 5 * 1024 * 1024;
const FORMAT: &str = "mes-apps";

#[derive(Serialize)]
struct ExportRef<'a> {
    format: &'static str,
    schema: u32,
    exported_at: Timestamp,
    data: &'a ProductState,
}

#[derive(Deserialize)]
struct ImportHeader {
    format: String,
    schema: u32,
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
pub fn too_big(bytes: u64) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576;
    format!(
        "Le fichier pèse {},{} Mo : 5 Mo au maximum.",
        tenths / 10,
        tenths % 10
    )
}

/// A file name such as `mes-apps-quickbooks-2026-11-27.json`.
pub fn file_name(product: Product, iso_date: &str) -> String {
    format!("mes-apps-{}-{iso_date}.json", product.slug())
}

/// Translates serde's English into French, keeping what helps to find the problem.
fn french(e: &serde_json::Error, path: &str) -> String {
    use serde_json::error::Category;
    let msg = e.to_string();
    let at = if e.line() > 0 {
        format!(" (ligne {}, colonne {})", e.line(), e.column())
    } else {
        String::new()
    };
    let place = if path.is_empty() || path == "." {
        String::new()
    } else {
        format!("{path} : ")
    };
    let quoted = |m: &str| {
        m.split('`')
            .nth(1)
            .map(|s| s.chars().take(60).collect::<String>())
            .unwrap_or_default()
    };
    let what = match e.classify() {
        Category::Eof => "le fichier s'arrête avant la fin : il est tronqué".to_string(),
        Category::Syntax if msg.starts_with("recursion limit exceeded") => {
            "structure trop imbriquée pour être une sauvegarde de Mes apps".to_string()
        }
        Category::Syntax => "ce n'est pas du JSON valide".to_string(),
        Category::Io => "lecture impossible".to_string(),
        Category::Data if msg.starts_with("missing field") => {
            format!("champ « {} » manquant", quoted(&msg))
        }
        Category::Data if msg.starts_with("unknown variant") => {
            format!("valeur « {} » inconnue", quoted(&msg))
        }
        Category::Data if msg.starts_with("invalid type") => "type de valeur incorrect".to_string(),
        Category::Data if msg.starts_with("invalid length") => {
            "nombre d'éléments incorrect".to_string()
        }
        Category::Data => "valeur incorrecte".to_string(),
    };
    format!("{place}{what}{at}")
}

/// Reads an exported file for `product`. `Err` lists every problem found, in French.
pub fn import(
    text: &str,
    product: Product,
    catalogue: &Catalogue,
) -> Result<ProductState, Vec<String>> {
    if text.len() > IMPORT_MAX_BYTES {
        return Err(vec![too_big(text.len() as u64)]);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| vec![french(&e, "")])?;
    let header: ImportHeader = match serde_json::from_value(value) {
        Ok(h) => h,
        Err(_) => {
            return Err(vec![
                "Ce fichier n'est pas une sauvegarde de Mes apps (il lui manque « format », \
                 « schema » ou « data »)."
                    .into(),
            ])
        }
    };
    if header.format != FORMAT {
        return Err(vec![
            "Ce fichier n'est pas une sauvegarde de Mes apps.".into()
        ]);
    }
    if header.schema > SCHEMA_VERSION {
        return Err(vec![format!(
            "Ce fichier vient d'une version plus récente de Mes apps (schéma {}) : cette version \
             lit jusqu'au schéma {SCHEMA_VERSION}.",
            header.schema
        )]);
    }
    let data = migrate(header.data, header.schema).map_err(|e| vec![e.0])?;
    let state: ProductState = serde_path_to_error::deserialize(data).map_err(|e| {
        // The path is inside `data`: name it from the file's top, as the user sees it.
        let path = match e.path().to_string() {
            p if p.is_empty() || p == "." => "data".to_string(),
            p => format!("data.{p}"),
        };
        vec![french(e.inner(), &path)]
    })?;
    validate(&state, product, catalogue)
        .map_err(|problems| problems.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    Ok(state)
}
