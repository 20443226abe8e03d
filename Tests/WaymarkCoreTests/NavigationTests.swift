import Testing
import WaymarkText
import WaymarkWidgets
import TestSupport
import WaymarkCore

@Suite struct NavigationTests {
    func state(_ size: Size = Size(width: 80, height: 24), content: Content = Fixtures.synthetic) -> AppState {
        AppState(content: content, size: size)
    }

    @Test func startsOnTheMainMenuWithTheFirstItemSelected() {
        let s = state()
        #expect(s.stack == [ScreenEntry(.menus(.menu(id: "main")), selection: 0, scroll: 0)])
        #expect(s.context == .menu)
    }

    @Test func aDigitOpensThatItemAndBackReturnsToIt() {
        var s = state()
        _ = s.update(.number(3))
        #expect(s.screen == ScreenEntry(.menus(.page(id: "short")), scroll: 0))
        _ = s.update(.back)
        #expect(s.screen == ScreenEntry(.menus(.menu(id: "main")), selection: 2, scroll: 0))
    }

    @Test func digitsBeyondTheItemsAndZeroDoNothing() {
        var s = state()
        _ = s.update(.number(5))
        _ = s.update(.number(0))
        #expect(s.stack == [ScreenEntry(.menus(.menu(id: "main")), selection: 0, scroll: 0)])
    }

    @Test func moveStopsAtBothEnds() {
        var s = state()
        _ = s.update(.up)
        #expect(s.screen == ScreenEntry(.menus(.menu(id: "main")), selection: 0, scroll: 0))
        for _ in 0..<10 { _ = s.update(.down) }
        #expect(s.screen == ScreenEntry(.menus(.menu(id: "main")), selection: 3, scroll: 0))
    }

    @Test func backKeepsSelectionAndScrollOfEveryLevel() {
        var s = state(Size(width: 40, height: 8))
        _ = s.update(.number(2))               // big menu
        for _ in 0..<8 { _ = s.update(.down) }  // last item: the menu has scrolled
        let menuScroll = s.screen.scroll
        guard s.screen.kind == .menus(.menu(id: "big")), s.screen.selection == 8 else { Issue.record("\(s.screen)"); return }
        #expect(menuScroll > 0)
        _ = s.update(.open)                    // long page
        _ = s.update(.pageDown)
        let pageScroll = s.pageScroll
        #expect(pageScroll > 0)
        _ = s.update(.help)
        _ = s.update(.back)
        #expect(s.screen == ScreenEntry(.menus(.page(id: "long")), scroll: pageScroll))
        _ = s.update(.back)
        #expect(s.screen == ScreenEntry(.menus(.menu(id: "big")), selection: 8, scroll: menuScroll))
        _ = s.update(.back)
        #expect(s.screen == ScreenEntry(.menus(.menu(id: "main")), selection: 1, scroll: 0))
        _ = s.update(.back)
        #expect(s.stack.count == 1, "back on the main menu stays there")
    }

    @Test func pageScrollStaysWithinBounds() {
        var s = state()
        _ = s.update(.number(1))
        let maximum = s.maxScroll(for: s.screen)
        #expect(maximum > 0)
        _ = s.update(.up)
        #expect(s.pageScroll == 0)
        _ = s.update(.pageDown)
        #expect(s.pageScroll == Layout.bodyHeight(s.size) - 1, "a page down keeps one line of overlap")
        _ = s.update(.end)
        #expect(s.pageScroll == maximum)
        _ = s.update(.down)
        _ = s.update(.pageDown)
        #expect(s.pageScroll == maximum)
        _ = s.update(.home)
        #expect(s.pageScroll == 0)
    }

    @Test func aShortPageDoesNotScroll() {
        var s = state()
        _ = s.update(.number(3))
        _ = s.update(.pageDown)
        _ = s.update(.end)
        #expect(s.pageScroll == 0)
    }

    @Test func menuPagingMovesTheSelectionAndKeepsItVisible() {
        var s = state(Size(width: 40, height: 8))
        _ = s.update(.number(2))
        _ = s.update(.pageDown)
        let (selection, scroll) = (s.screen.selection, s.screen.scroll)
        guard case .menus(.menu) = s.screen.kind else { Issue.record("not a menu"); return }
        #expect(selection > 1)
        #expect(scroll <= selection && selection < scroll + Layout.bodyHeight(s.size))
        _ = s.update(.end)
        guard case .menus(.menu) = s.screen.kind, s.screen.selection == 8 else { Issue.record("\(s.screen)"); return }
        _ = s.update(.home)
        #expect(s.screen == ScreenEntry(.menus(.menu(id: "big")), selection: 0, scroll: 0))
    }

    @Test func helpOpensFromAnywhereAndTogglesClosed() {
        var s = state()
        _ = s.update(.number(1))
        _ = s.update(.help)
        #expect(s.screen == ScreenEntry(.menus(.help), scroll: 0))
        #expect(s.page(for: s.screen)?.title == StringKey.helpTitle.rawValue)
        _ = s.update(.help)
        #expect(s.screen == ScreenEntry(.menus(.page(id: "long")), scroll: 0))
    }

    @Test func helpMenuItemOpensTheHelpScreen() {
        var s = state()
        _ = s.update(.number(4))
        #expect(s.screen == ScreenEntry(.menus(.help), scroll: 0))
    }

    @Test func quitQuickExitAndRepaintAreEffects() {
        var s = state()
        #expect(s.update(.quit) == [.exit(status: 0, message: nil)], "nothing to save: it ends")
        #expect(s.update(.quickExit) == [.quickExit])
        #expect(s.update(.repaint) == [.repaint])
        #expect(s.update(.down) == [])
    }

    @Test func resizeKeepsTheSameWordsAtTheTopOfAPage() {
        var s = state(Size(width: 80, height: 24))
        _ = s.update(.number(1))
        for _ in 0..<15 { _ = s.update(.down) }
        let before = s.pageLines(for: s.screen, width: Layout.textWidth(s.size))[s.pageScroll]
        _ = s.update(.resize(Size(width: 40, height: 12)))
        let after = s.pageLines(for: s.screen, width: Layout.textWidth(s.size))[s.pageScroll]
        #expect(after.block == before.block)
        #expect(after.offset <= before.offset)
        #expect(s.pageScroll <= s.maxScroll(for: s.screen))
    }

    @Test func resizeKeepsTheMenuSelectionVisible() {
        var s = state(Size(width: 80, height: 24))
        _ = s.update(.number(2))
        _ = s.update(.end)
        _ = s.update(.resize(Size(width: 30, height: 8)))
        let scroll = s.screen.scroll
        guard s.screen.kind == .menus(.menu(id: "big")), s.screen.selection == 8 else { Issue.record("\(s.screen)"); return }
        let ranges = s.layout.items
        #expect(ranges[8].upperBound <= scroll + Layout.bodyHeight(s.size))
    }

    @Test func tooSmallIgnoresNavigationButNotTheWaysOut() {
        var s = state(Size(width: 10, height: 3))
        #expect(s.context == .tooSmall)
        _ = s.update(.number(1))
        _ = s.update(.down)
        #expect(s.stack == [ScreenEntry(.menus(.menu(id: "main")), selection: 0, scroll: 0)])
        #expect(s.update(.quickExit) == [.quickExit])
        #expect(s.update(.quit) == [.exit(status: 0, message: nil)], "nothing to save: it ends")
        _ = s.update(.resize(Size(width: 80, height: 24)))
        #expect(s.context == .menu)
    }

    @Test func aTripThroughTooSmallKeepsThePlace() {
        var s = state(Size(width: 80, height: 24))
        _ = s.update(.number(1))
        for _ in 0..<12 { _ = s.update(.down) }
        let scroll = s.pageScroll
        _ = s.update(.resize(Size(width: 5, height: 2)))
        _ = s.update(.resize(Size(width: 80, height: 24)))
        #expect(s.pageScroll == scroll)
    }

    @Test func aClickSelectsAnItemAndASecondClickOpensIt() {
        var s = state()
        let line = s.layout.items[2].lowerBound - s.screen.scroll + 1  // row on screen (title bar is row 0)
        _ = s.update(Bindings.action(for: .click(x: 10, y: line + 1), in: s.context)!)
        #expect(s.screen == ScreenEntry(.menus(.menu(id: "main")), selection: 2, scroll: 0))
        _ = s.update(Bindings.action(for: .click(x: 10, y: line + 1), in: s.context)!)
        #expect(s.screen == ScreenEntry(.menus(.page(id: "short")), scroll: 0))
        _ = s.update(.back)
        _ = s.update(.click(x: 5, y: 0))  // the title bar: nothing
        #expect(s.screen == ScreenEntry(.menus(.menu(id: "main")), selection: 2, scroll: 0))
    }

    @Test func theWheelScrollsAPage() {
        var s = state()
        _ = s.update(.number(1))
        _ = s.update(Bindings.action(for: .wheelDown, in: s.context)!)
        #expect(s.pageScroll == 1)
        _ = s.update(Bindings.action(for: .wheelUp, in: s.context)!)
        #expect(s.pageScroll == 0)
    }

    @Test func updateIsPure() {
        let s = state()
        let (next, effects) = AppState.update(s, .number(1))
        #expect(s.screen == ScreenEntry(.menus(.menu(id: "main")), selection: 0, scroll: 0))
        #expect(next.screen == ScreenEntry(.menus(.page(id: "long")), scroll: 0))
        #expect(effects.isEmpty)
    }

    @Test func everyShippedMenuItemOpensSomething() {
        var visited = Set<String>()
        func walk(_ s: AppState) {
            guard case .menus(.menu(let id)) = s.screen.kind, visited.insert(id).inserted,
                  let menu = s.content.menus[id] else { return }
            for n in 1...menu.items.count where menu.items[n - 1].target != .language {
                var t = s
                _ = t.update(.number(n))
                #expect(t.stack.count == s.stack.count + 1, "item \(n) of \(id)")
                walk(t)
            }
        }
        walk(AppState(content: Fixtures.shipped, size: Size(width: 80, height: 24)))
        #expect(visited.count == Fixtures.shipped.menus.count)
    }
}
