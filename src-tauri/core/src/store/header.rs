//! The small, non-secret header file beside the database: which backend holds
//! the key, the KDF salt and parameters, and a key fingerprint.

use crate::error::{Error, ErrorCode, Result};
use crate::store::keys::{DbKey, KeyParams};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

const FORMAT: &str = "rapport-store";
const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoreHeader {
    pub format: String,
    pub version: u32,
    pub store_id: String,
    pub key: KeyParams,
    pub key_check: String,
}

impl StoreHeader {
    pub fn new(store_id: String, key: &DbKey, params: KeyParams) -> Self {
        StoreHeader {
            format: FORMAT.to_string(),
            version: VERSION,
            key_check: key.check_value(&store_id),
            store_id,
            key: params,
        }
    }

    pub fn matches(&self, key: &DbKey) -> bool {
        self.key_check == key.check_value(&self.store_id)
    }

    pub fn read(path: &Path) -> Result<Self> {
        let bytes =
            std::fs::read(path).map_err(|e| Error::io("Cannot read the store header", e))?;
        Self::parse(&bytes, path)
    }

    /// A header from the bytes of a header file; `source` names where they
    /// came from in the error.
    pub fn parse(bytes: &[u8], source: &Path) -> Result<Self> {
        let header: StoreHeader = serde_json::from_slice(bytes).map_err(|_| not_ours(source))?;
        if header.format != FORMAT {
            return Err(not_ours(source));
        }
        if header.version > VERSION {
            return Err(Error::new(
                ErrorCode::SchemaTooNew,
                "This notes store was written by a newer version of Rapport. Update Rapport \
                 to open it; nothing was changed.",
            ));
        }
        Ok(header)
    }

    /// Writes the header so that a crash leaves either no header or a whole one.
    pub fn write_new(&self, path: &Path) -> Result<()> {
        let mut json = serde_json::to_vec_pretty(self).map_err(|e| {
            Error::new(ErrorCode::Storage, format!("Cannot encode the header: {e}"))
        })?;
        json.push(b'\n');
        let tmp = path.with_extension("json.tmp");
        let write = || -> std::io::Result<()> {
            let mut file = std::fs::File::create(&tmp)?;
            super::paths::owner_only(&tmp)?;
            file.write_all(&json)?;
            file.sync_all()?;
            std::fs::rename(&tmp, path)?;
            if let Some(dir) = path.parent() {
                // Persist the rename itself; not possible (nor needed) on every platform.
                if let Ok(d) = std::fs::File::open(dir) {
                    let _ = d.sync_all();
                }
            }
            Ok(())
        };
        write().map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Error::io("Cannot write the store header", e)
        })
    }
}

fn not_ours(path: &Path) -> Error {
    Error::new(
        ErrorCode::NotARapportDatabase,
        format!(
            "{} is not a Rapport store header. Nothing was changed.",
            path.display()
        ),
    )
}
