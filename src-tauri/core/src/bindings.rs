//! The TypeScript declarations of every type that crosses the IPC boundary,
//! generated from the Rust types into one file for the UI.

use ts_rs::TS;

macro_rules! declarations {
    ($($ty:ty),+ $(,)?) => {
        vec![$(format!("export {}", <$ty as TS>::decl())),+]
    };
}

/// The whole generated file.
pub fn typescript() -> String {
    let decls: Vec<String> = declarations![
        crate::error::ErrorCode,
        crate::error::Error,
        crate::keys::KeyBackend,
        crate::access::StoreState,
        crate::access::AppStatus,
        crate::access::SetupRequest,
        crate::people::Level,
        crate::people::Cadence,
        crate::people::PersonSummary,
        crate::people::Person,
        crate::demo::DemoSummary,
    ];
    let mut out = String::from(
        "// Generated from the Rust types in rapport-core by `make bindings`. Do not edit by hand.\n\n",
    );
    for decl in decls {
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
