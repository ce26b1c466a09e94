// App commands are declared here so each gets an `allow-…` permission and the
// capability files decide which window may call which command.
const COMMANDS: &[&str] = &["app_status", "create_store", "unlock_store", "list_people"];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
