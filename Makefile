# Build, install and uninstall Waymark.
#
#   make                              release build
#   make install PREFIX=/usr/local    binary, content, man page and the SSH guest shell
#   make uninstall PREFIX=/usr/local
#   make man                          regenerate docs/waymark.1 (needs the generate-manual plugin)
#
# Installed files:
#   $(PREFIX)/bin/waymark
#   $(PREFIX)/share/waymark/Content/        found by the binary next to itself (../share/waymark)
#   $(PREFIX)/share/man/man1/waymark.1
#   $(PREFIX)/libexec/waymark/ssh-shell     login shell for an SSH guest account (docs/SSH-HOSTING.md)
# DESTDIR is put in front of every path, for packaging.

PREFIX  ?= /usr/local
DESTDIR ?=
SWIFT   ?= swift
SCRATCH ?= .build
# The Swift runtime is linked in, so the installed binary needs no Swift toolchain, only the C
# library and ncursesw. So is the C++ library the Swift runtime uses (the linker takes the first
# libstdc++ it finds, so a folder holding only the static one goes first), and the binary is not
# position-independent: together about 3 ms less at every start (docs/DECISIONS.md, entry 19).
# Nothing looks up the program's own symbols at run time, so none is exported: the Swift runtime's
# start-up `dladdr` then has no table of 9,700 symbols to walk; and with no Swift library beside
# it, the binary needs no $ORIGIN search path, which cost the loader ~40 failed look-ups (entry 22).
CXXSTATIC = $(abspath $(SCRATCH))/static-libstdc++
RELEASEFLAGS = -c release --static-swift-stdlib -Xlinker -L$(CXXSTATIC) -Xswiftc -Xclang-linker -Xswiftc -no-pie \
               -Xlinker --no-export-dynamic --disable-local-rpath
SWIFTFLAGS ?= $(RELEASEFLAGS) --product waymark
# The binary to install; `make install-files BIN=.build/debug/waymark` installs a debug build.
BIN     ?= $(shell $(SWIFT) build $(SWIFTFLAGS) --scratch-path $(SCRATCH) --show-bin-path 2>/dev/null)/waymark

bindir     = $(DESTDIR)$(PREFIX)/bin
datadir    = $(DESTDIR)$(PREFIX)/share/waymark
mandir     = $(DESTDIR)$(PREFIX)/share/man/man1
libexecdir = $(DESTDIR)$(PREFIX)/libexec/waymark

.PHONY: all build build-bench bin-path install install-files uninstall man

all: build

build: static-libstdc++
	$(SWIFT) build $(SWIFTFLAGS) --scratch-path $(SCRATCH)

# The render benchmark, built the same way (Benchmarks/run).
build-bench: static-libstdc++
	$(SWIFT) build $(RELEASEFLAGS) --product waymark-bench --scratch-path $(SCRATCH)

.PHONY: static-libstdc++
static-libstdc++:
	@mkdir -p "$(CXXSTATIC)"
	@lib=$$($(CC) -print-file-name=libstdc++.a 2>/dev/null); \
	  if [ -f "$$lib" ]; then ln -sf "$$lib" "$(CXXSTATIC)/libstdc++.a"; \
	  else echo "note: no static libstdc++ found; linking the shared one" >&2; fi

# Where `make build` puts the binary (Benchmarks/run measures that one).
bin-path:
	@echo "$(BIN)"

install: build
	$(MAKE) install-files

install-files:
	@test -x "$(BIN)" || { echo "no binary at $(BIN): run make first" >&2; exit 1; }
	install -d "$(bindir)" "$(datadir)" "$(mandir)" "$(libexecdir)"
	install -m 755 "$(BIN)" "$(bindir)/waymark"
	rm -rf "$(datadir)/Content"
	cp -R Content "$(datadir)/Content"
	find "$(datadir)/Content" -type d -exec chmod 755 {} + -o -type f -exec chmod 644 {} +
	sed "s|@PREFIX@|$(PREFIX)|g" docs/waymark.1 > "$(mandir)/waymark.1"
	chmod 644 "$(mandir)/waymark.1"
	sed "s|@BINDIR@|$(PREFIX)/bin|g" docs/ssh/ssh-shell > "$(libexecdir)/ssh-shell"
	chmod 755 "$(libexecdir)/ssh-shell"
	"$(bindir)/waymark" check-content "$(datadir)/Content" >/dev/null

uninstall:
	rm -f "$(bindir)/waymark" "$(mandir)/waymark.1" "$(libexecdir)/ssh-shell"
	rm -rf "$(datadir)"
	-rmdir "$(libexecdir)" 2>/dev/null

# The options and commands come from the argument parser (swift-argument-parser's
# generate-manual plugin); keys, environment, files, exit status and privacy are written by hand
# in docs/man/waymark-extra.mdoc. The result is committed, so installing needs no plugin.
man:
	rm -rf .build-man && mkdir -p .build-man
	$(SWIFT) package --scratch-path $(SCRATCH) --allow-writing-to-directory .build-man \
	    generate-manual --output-directory .build-man --date "$$(git log -1 --format=%cs 2>/dev/null || date +%F)"
	sed -e "/^\.Sh \"EXIT STATUS\"/,\$$d" -e "s/^$$/.Pp/" .build-man/waymark.1 > docs/waymark.1
	cat docs/man/waymark-extra.mdoc >> docs/waymark.1
	rm -rf .build-man
