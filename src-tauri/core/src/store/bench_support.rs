//! For the benchmarks only: a store as it was before the search index, to
//! measure what keeping the index in step costs a write.

use crate::error::Result;
use crate::store::Store;

/// Drops the triggers that keep the search index in step; the records are
/// untouched, the index goes stale.
pub fn drop_search_triggers(store: &mut Store) -> Result<()> {
    let names: Vec<String> = {
        let mut stmt = store.conn().prepare(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_%' ESCAPE '\\'",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    store.write(|tx| {
        for name in &names {
            tx.conn()
                .execute_batch(&format!("DROP TRIGGER \"{}\"", name.replace('"', "\"\"")))?;
        }
        Ok(())
    })
}
