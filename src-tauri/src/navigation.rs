//! The window never leaves the app: a link in pasted notes, a script in a
//! note that slipped past the sanitizer, or a page's own redirect would
//! otherwise replace Rapport with a web page that can reach its commands.
//! Links are opened in the default browser, through the opener, on request.

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Runtime, Url};

/// The port of the development server (`vite`), used only by dev builds.
const DEV_SERVER_PORT: u16 = 1420;

pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("navigation-guard")
        .on_navigation(|_, url| {
            let allowed = is_app_page(url, tauri::is_dev());
            if !allowed {
                // The scheme says enough to debug; the address may be private.
                tracing::warn!(
                    scheme = url.scheme(),
                    "a navigation away from the app was cancelled"
                );
            }
            allowed
        })
        .build()
}

/// Whether `url` is one of the app's own pages.
fn is_app_page(url: &Url, dev: bool) -> bool {
    let host = url.host_str();
    match url.scheme() {
        "tauri" => host == Some("localhost"),
        "http" | "https" if host == Some("tauri.localhost") => true,
        "http" => dev && host == Some("localhost") && url.port() == Some(DEV_SERVER_PORT),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_app_page;
    use tauri::Url;

    fn allowed(url: &str, dev: bool) -> bool {
        is_app_page(&Url::parse(url).unwrap(), dev)
    }

    #[test]
    fn only_the_apps_own_pages_may_load() {
        assert!(allowed("tauri://localhost/", false));
        assert!(allowed("tauri://localhost/index.html#/person/1", false));
        assert!(allowed("http://tauri.localhost/", false));
        assert!(allowed("http://localhost:1420/", true));
        for away in [
            "https://example.invalid/",
            "http://localhost:1420/",
            "http://localhost:8080/",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "data:text/html,hi",
            "tauri://evil.example/",
            "https://tauri.localhost.evil.example/",
        ] {
            assert!(!allowed(away, false), "{away}");
        }
    }
}
