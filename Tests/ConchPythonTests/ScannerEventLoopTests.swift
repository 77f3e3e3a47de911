import ConchKit
import ConchPython
import Testing

@Suite struct ScannerEventLoopTests {
    private func frameworks(_ source: String) -> [EventFramework] { scan(source).eventLoops.filter { $0.kind == .run }.map(\.framework) }

    @Test func asyncioRunAndLoopMethodsMarkAsyncio() {
        #expect(frameworks("import asyncio\nasync def main(): pass\nasyncio.run(main())\n") == [.asyncio])
        #expect(frameworks("import asyncio\nloop = asyncio.get_event_loop()\nloop.run_until_complete(main())\nloop.run_forever()\n")
            == [.asyncio, .asyncio])
    }

    @Test func anAsyncDefAloneIsNoRunMarker() {
        #expect(frameworks("async def main():\n    pass\n").isEmpty)
    }

    @Test func qtApplicationsExecInAnyBinding() {
        #expect(frameworks("""
        import sys
        from PyQt5.QtWidgets import QApplication
        app = QApplication(sys.argv)
        sys.exit(app.exec_())
        """) == [.qt])
        #expect(frameworks("from PySide6 import QtWidgets\napp = QtWidgets.QApplication([])\napp.exec()\n") == [.qt])
    }

    @Test func tkinterWxAndKivyMainLoops() {
        #expect(frameworks("import tkinter as tk\nroot = tk.Tk()\nroot.mainloop()\n") == [.tkinter])
        #expect(frameworks("import wx\napp = wx.App()\napp.MainLoop()\n") == [.wx])
        #expect(frameworks("""
        from kivy.app import App
        class MyApp(App):
            pass
        MyApp().run()
        """) == [.kivy])
    }

    @Test func twistedTornadoGlibAndOthers() {
        #expect(frameworks("from twisted.internet import reactor\nreactor.run()\n") == [.twisted])
        #expect(frameworks("import tornado.ioloop\ntornado.ioloop.IOLoop.current().start()\n") == [.tornado])
        #expect(frameworks("from gi.repository import GLib, Gtk\nGLib.MainLoop().run()\nGtk.main()\n") == [.glib, .glib])
        #expect(frameworks("from aiohttp import web\nweb.run_app(app)\n") == [.aiohttp])
        #expect(frameworks("import trio, anyio\ntrio.run(main)\nanyio.run(main)\n") == [.trio, .anyio])
        #expect(frameworks("import gevent\ngevent.joinall(jobs)\n") == [.gevent])
        #expect(frameworks("from gevent.pywsgi import WSGIServer\nWSGIServer(('', 80), app).serve_forever()\n") == [.gevent])
    }

    @Test func aThreadRunMethodIsNoEventLoop() {
        #expect(frameworks("import threading\nclass W(threading.Thread):\n    pass\nW().run()\n").isEmpty)
    }

    @Test func callbacksHandedToTheLoopAreMarkedWithTheirFunction() {
        let facts = scan("""
        import asyncio
        import tkinter as tk
        from PySide6.QtCore import QTimer
        def tick(): pass
        def refresh(): pass
        def main():
            loop = asyncio.get_event_loop()
            loop.call_later(5, tick)
            root = tk.Tk()
            root.after(1000, refresh)
            timer = QTimer()
            timer.timeout.connect(tick)
            loop.call_soon(print)
        """)
        let callbacks = facts.eventLoops.filter { $0.kind == .callback }
        #expect(callbacks.map(\.framework) == [.asyncio, .tkinter, .qt])
        #expect(callbacks.map(\.callback) == ["pkg.mod.tick", "pkg.mod.refresh", "pkg.mod.tick"])
    }
}

@Suite struct ScannerEventCallbackTests {
    private func callbacks(_ source: String) -> [String] {
        scan(source).eventLoops.filter { $0.kind == .callback }.map { "\($0.framework.rawValue) \($0.callback ?? "-")" }
    }

    @Test func loopAndToolkitTimersRegisterCallbacks() {
        #expect(callbacks("""
        import asyncio
        def tick(): pass
        async def main():
            loop = asyncio.get_running_loop()
            loop.call_later(1, tick)
        """) == ["asyncio pkg.mod.tick"])
        #expect(callbacks("""
        import tkinter as tk
        def poll(): pass
        root = tk.Tk()
        root.after(100, poll)
        """) == ["tkinter pkg.mod.poll"])
        #expect(callbacks("""
        from PyQt5.QtCore import QTimer
        def refresh(): pass
        QTimer.singleShot(500, refresh)
        """) == ["qt pkg.mod.refresh"])
        #expect(callbacks("""
        from twisted.internet import reactor
        def beat(): pass
        reactor.callLater(5, beat)
        """) == ["twisted pkg.mod.beat"])
        #expect(callbacks("from gi.repository import GLib\ndef t(): pass\nGLib.timeout_add(100, t)\n") == ["glib pkg.mod.t"])
    }

    @Test func aCallLaterOnAnUnrelatedObjectIsNoCallback() {
        #expect(callbacks("def f(scheduler, job):\n    scheduler.call_later(1, job)\n").isEmpty)
    }
}
