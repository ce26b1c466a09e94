//! The desktop's interface font. WebKitGTK resolves `system-ui` through
//! fontconfig's alias list (Cantarell, Noto Sans UI, …), which need not be
//! the font GTK uses, and when none of those families is installed every
//! font size and weight the page lays out pays for a failed match before the
//! fallback. Naming GTK's own family gives the desktop's font in one match.

/// GTK's interface font family; call on the main thread, once GTK is up.
#[cfg(target_os = "linux")]
pub fn read() -> Option<String> {
    use gtk::prelude::GtkSettingsExt;
    let name = gtk::Settings::default()?.gtk_font_name()?;
    let family = gtk::pango::FontDescription::from_string(&name).family()?;
    rapport_core::flows::start_up::desktop_font(&family)
}

/// Elsewhere `system-ui` is the platform's font and costs nothing extra.
#[cfg(not(target_os = "linux"))]
pub fn read() -> Option<String> {
    None
}

/// Held in the app's state once read, for the window's first call.
pub struct DesktopFont(pub Option<String>);
