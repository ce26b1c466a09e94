# Rapport: `make run` opens the app, `make test` runs every check.
# Both install what is missing first (see scripts/deps.sh).

SHELL := /bin/bash
CARGO ?= cargo
NPM ?= npm

.PHONY: run test deps deps-test ui cli build lint fmt clippy ui-check deny rust-test ui-test deb-test appimage-test e2e bench bench-app fuzz bindings bundle clean

run: deps build
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ "$$(uname -s)" = Linux ]; then \
	  echo "make run: no graphical display here (DISPLAY and WAYLAND_DISPLAY are unset)."; \
	  echo "Run it from a desktop session. The app is built: $(CARGO) run -- --help lists the CLI."; \
	  exit 1; \
	fi
	$(CARGO) run --quiet

test: deps-test ui lint rust-test ui-test deb-test appimage-test

deps:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

# The app embeds ui/dist at compile time, so the UI is built first.
ui:
	cd ui && $(NPM) run build

build: ui
	$(CARGO) build --workspace

# The command line, beside the window's binary that hands subcommands to it.
cli:
	$(CARGO) build --locked -p rapport-cli

lint: fmt clippy ui-check deny

fmt:
	$(CARGO) fmt --all -- --check

clippy: ui
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

# Licences, banned crates and where crates come from; offline, so the
# advisory database, which needs the network, is not checked here. The
# check reads every platform's crates, which a build on this one does not
# download: fetch them first.
deny:
	$(CARGO) fetch --locked --quiet
	$(CARGO) deny --offline check licenses bans sources

ui-check:
	cd ui && $(NPM) run check

# Core, CLI and end-to-end tests (the e2e test starts its own display, bus,
# keyring and notification server).
rust-test: ui cli
	$(CARGO) test --workspace --locked

ui-test:
	cd ui && $(NPM) test

# The .deb installed into a scratch root: desktop entry, icons, and the
# installed binary's `rapport doctor` (a debug build, reusing the tests' one).
deb-test: deps-test ui
	scripts/test-deb.sh

# The AppImage packed from the debug .deb above: its root, `rapport doctor`
# through it, and its window on a virtual display.
appimage-test: deb-test
	scripts/test-appimage.sh

e2e: deps-test ui cli
	$(CARGO) test --locked --test e2e --test e2e_loop --test e2e_reminders --test e2e_quit --test e2e_backup --test e2e_lock --test e2e_search --test e2e_coaching --test e2e_team --test e2e_share -- --nocapture
	@echo "Screenshots: target/e2e-screenshots/"

bench: deps-test
	scripts/with-keyring.sh $(CARGO) bench --locked -p rapport-core --bench store

# The release app and CLI as whole processes beside a minimal Tauri app; the table also goes to target/bench-app.json.
bench-app: deps-test ui
	$(CARGO) build --release --locked -p rapport -p rapport-cli -p rapport-minimal-app
	$(CARGO) bench --locked --bench app

# A million inputs per target from a fresh range of seeds (FUZZ_FROM fixes the
# first); a failure prints its seed and the command that replays it. Then the
# same count through the window's notes sanitizer (DOMPurify, in jsdom). The
# test suite runs ten thousand per target.
FUZZ_INPUTS ?= 1000000
fuzz: deps
	$(CARGO) run --release --locked -p rapport-fuzz -- --inputs $(FUZZ_INPUTS) $(if $(FUZZ_FROM),--from $(FUZZ_FROM))
	scripts/fuzz-sanitizer.sh $(FUZZ_INPUTS) $(FUZZ_FROM)

# Regenerates ui/src/lib/bindings.ts from the Rust types.
bindings:
	RAPPORT_UPDATE_BINDINGS=1 $(CARGO) test --locked -p rapport-core --test bindings

# Installers: the .deb by the Tauri bundler pinned in ui/package.json, and
# the AppImage packed from it (scripts/appimage.sh).
BUNDLES ?= deb,appimage
bundle: deps ui
	scripts/bundle.sh $(BUNDLES)

clean:
	$(CARGO) clean
	rm -rf ui/dist
