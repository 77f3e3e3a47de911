import ConchKit
import Foundation
import Testing
@testable import ConchC

@Suite struct CompileCommandsTests {
    @Test func commandFormHonoursDirectoryForIncludes() {
        let fixture = CFixture()
        fixture.write("include/config.h", "#define WORKERS 4\nextern int shared;\n")
        fixture.write("build/compile_commands.json", """
        [{"directory": "\(fixture.folder.path)/build", "command": "gcc -I../include -DLEVEL=\\"x y\\" -c ../src/a.c -o a.o", "file": "../src/a.c"}]
        """)
        let source = """
        #include "config.h"
        void f(void) { for (int i = 0; i < WORKERS; i++) shared++; }
        """
        let url = fixture.write("src/a.c", source)
        let frontEnd = CFrontEnd(libclangPath: nil, compileCommandsPath: fixture.folder.path + "/build/compile_commands.json")
        let facts = frontEnd.facts(for: SourceFile(path: "src/a.c", absolutePath: url.path, language: .c, moduleName: "src/a.c",
                                                   text: SourceText(source)), settings: AnalysisSettings())
        #expect(facts.problems.isEmpty, "\(facts.problems)")
        #expect(facts.function("f")?.loops.first?.bound == .constant(4))
        #expect(facts.function("f")?.globalAccesses.map(\.variable) == ["shared"])
    }

    @Test func unlistedFilesBorrowTheNearestListedFlags() {
        let fixture = CFixture()
        fixture.write("config.h", "#define THREADS_POSIX 1\n")
        fixture.write("compile_commands.json", """
        [{"directory": "\(fixture.folder.path)/lib", "command": "gcc -DHAVE_CONFIG_H -I.. -c core.c -o core.o", "file": "core.c"},
         {"directory": "\(fixture.folder.path)/tools", "command": "gcc -DTOOL -c tool.c -o tool.o", "file": "tool.c"}]
        """)
        let header = fixture.facts("lib/threads.h", """
        #ifdef HAVE_CONFIG_H
        #include "config.h"
        #endif
        int spawned;
        #ifdef THREADS_POSIX
        static inline void note_spawn(void) { spawned++; }
        #endif
        """)
        #expect(header.problems.isEmpty, "\(header.problems)")
        #expect(header.function("note_spawn")?.globalAccesses.map(\.variable) == ["spawned"])
        let flags = CompileCommands.flags(forFile: fixture.folder.path + "/tools/extra/plugin.c", database: nil)
        #expect(flags.contains("-DTOOL"))
        #expect(flags.last == "-I" + fixture.folder.path + "/tools/extra")
    }

    @Test func withoutADatabaseQuotedIncludesResolveFromTheProjectRoot() {
        let fixture = CFixture()
        fixture.write("configure.ac", "AC_INIT([demo], [1])\n")
        fixture.write("util/locks.h", "#define WORKERS 4\nextern int shared;\n")
        let facts = fixture.facts("winrc/service.c", """
        #include "util/locks.h"
        void f(void) { for (int i = 0; i < WORKERS; i++) shared++; }
        """)
        #expect(facts.problems.isEmpty, "\(facts.problems)")
        #expect(facts.function("f")?.globalAccesses.map(\.kind) == [.augmented])
        let folders = CompileCommands.foldersUpToProjectRoot(from: fixture.folder.path + "/winrc")
        #expect(folders == [fixture.folder.path + "/winrc", fixture.folder.path])
    }

    @Test func aSubfoldersOwnBuildFileIsNoRootAndIncludeFoldersServeTheWholeProject() {
        let fixture = CFixture()
        fixture.write("configure.ac", "AC_INIT([demo], [1])\n")
        fixture.write("includes.h", "extern int shared;\n")
        fixture.write("compat/Makefile.in", "all:\n")
        fixture.write("include/proj/api.h", "extern int counter;\n")
        let compat = fixture.facts("compat/fn.c", "#include \"includes.h\"\nvoid f(void) { shared++; }\n")
        #expect(compat.problems.isEmpty, "\(compat.problems)")
        let source = fixture.facts("src/main.c", "#include <proj/api.h>\nvoid g(void) { counter++; }\n")
        #expect(source.problems.isEmpty, "\(source.problems)")
        let atTheRoot = fixture.facts("main.c", "#include <proj/api.h>\nvoid h(void) { counter++; }\n")
        #expect(atTheRoot.problems.isEmpty, "\(atTheRoot.problems)")
        #expect(CompileCommands.includeFolders(under: fixture.folder.path) == [fixture.folder.path + "/include"])
    }

    @Test func aQuotedIncludeFindsTheProjectsHeaderBeforeTheSystemsOfThatName() {
        let fixture = CFixture()
        fixture.write("CMakeLists.txt", "project(shim C)\n")
        fixture.write("include/threads.h", "typedef struct shim_queue { struct shim_queue *next; } shim_queue;\n")
        let quoted = fixture.facts("src/pool.c", """
        #include "threads.h"
        shim_queue pending;
        void push(shim_queue *item) { item->next = pending.next; pending.next = item; }
        """)
        #expect(quoted.problems.isEmpty, "\(quoted.problems)")
        #expect(quoted.function("push")?.globalAccesses.map(\.variable) == ["pending", "pending"])
        let angled = fixture.facts("src/start.c", "#include <threads.h>\nthrd_t worker;\n")
        #expect(angled.problems.isEmpty, "\(angled.problems)")
    }

    @Test func anotherPlatformsBuildFolderLendsNoHeaders() {
        let fixture = CFixture()
        fixture.write("configure", "#!/bin/sh\n")
        fixture.write("include/sysinc.h", "#include \"config.h\"\n")
        fixture.write("build/win32/include/config.h", "#define HAVE_WINDOWS_H 1\n")
        #expect(CompileCommands.includeFolders(under: fixture.folder.path) == [fixture.folder.path + "/include"])
        let facts = fixture.facts("src/server.c", "#include <sysinc.h>\nint main(void) { return 0; }\n")
        #expect(facts.problems.map(\.message).contains { $0.contains("'config.h' not found") }, "\(facts.problems)")
    }

    @Test func headersTheBuildServesWithIncludeFlagsAreFoundByName() {
        let fixture = CFixture()
        fixture.write("configure", "#!/bin/sh\n")
        fixture.write("src/core/ngx_config.h", "#include <ngx_linux_config.h>\n#include \"event/ngx_event.h\"\n")
        fixture.write("src/os/unix/ngx_linux_config.h", "#define NGX_THREADS 1\n")
        fixture.write("src/event/ngx_event.h", "extern int ngx_event_flags;\n")
        fixture.write("src/http/ngx_http_config.h", "#define NGX_HTTP 1\n")
        let facts = fixture.facts("src/http/ngx_http_core.c", """
        #include <ngx_config.h>
        #include "ngx_http_config.h"
        #include <stdio.h>
        #if NGX_THREADS && NGX_HTTP
        void serve(void) { ngx_event_flags++; }
        #endif
        """)
        #expect(facts.problems.isEmpty, "\(facts.problems)")
        #expect(facts.function("serve")?.globalAccesses.map(\.variable) == ["ngx_event_flags"])
    }

    @Test func aConfiguredTreeGetsItsConfigHeader() {
        let fixture = CFixture()
        fixture.write("configure", "#!/bin/sh\n")
        fixture.write("config.h", "#define HAVE_THREADS 1\n")
        fixture.write("src/Makefile", "all:\n")
        let facts = fixture.facts("src/worker.c", """
        #ifdef HAVE_CONFIG_H
        #include <config.h>
        #endif
        #ifdef HAVE_THREADS
        int shared;
        void work(void) { shared++; }
        #endif
        """)
        #expect(facts.problems.isEmpty, "\(facts.problems)")
        #expect(facts.function("work")?.globalAccesses.map(\.kind) == [.augmented])
    }

    @Test func theHeaderConfigureWritesWhereItsScriptSaysIsFound() {
        let fixture = CFixture()
        for (path, text) in [("configure.ac", "AC_INIT([agent], [5])\nAC_CONFIG_HEADERS([src/config.h:src/config.h.in])\n"),
                             ("configure", "#!/bin/sh\n"), ("src/config.h", "#define HAVE_HTONLL 1\n"), ("src/daemon/Makefile.am", "all:\n")] {
            fixture.write(path, text)
        }
        let guarded = "#if HAVE_CONFIG_H\n#include \"config.h\"\n#endif\n"
        let required = "#ifndef HAVE_HTONLL\n#error \"Don't know how to convert between host and network representation\"\n#endif\n"
        let facts = fixture.facts("src/daemon/plugin.c", guarded + required + "long dispatched;\nvoid dispatch(void) { dispatched += 2; }\n")
        #expect(facts.problems.isEmpty, "\(facts.problems)")
        #expect(facts.function("dispatch")?.globalAccesses.map(\.variable).count == 1)
        #expect(CompileCommands.firstConfigHeader(inScript: fixture.folder.path + "/configure.ac") == "src/config.h")
    }

    @Test func withoutARootNearbyOnlyTheFilesFolderIsSearched() {
        let fixture = CFixture()
        let folder = fixture.folder.path + "/a/b/c/d/e/f"
        #expect(CompileCommands.foldersUpToProjectRoot(from: folder) == [folder])
    }

    @Test func gccOnlyFlagsAreNotProblems() {
        let fixture = CFixture()
        fixture.write("compile_commands.json", """
        [{"directory": "\(fixture.folder.path)", "command": "gcc -fno-gcse-lm --bogus-option -c w.c -o w.o", "file": "w.c"}]
        """)
        let facts = fixture.facts("w.c", "int g; void f(void) { g++; }\n")
        #expect(facts.problems.isEmpty, "\(facts.problems)")
        #expect(facts.function("f")?.globalAccesses.count == 1)
    }

    @Test func cleaningDropsCompilerOutputsAndSource() {
        let words = ["cc", "-Iinc", "-isystem", "sys", "-c", "-o", "x.o", "-MD", "-MF", "x.d", "x.c", "-O2"]
        let cleaned = CompileCommands.clean(words, file: "x.c", path: "/p/x.c", directory: "/p")
        #expect(cleaned == ["-I/p/inc", "-isystem", "/p/sys", "-O2"])
    }

    @Test func shellWordsHonourQuotes() {
        #expect(ShellWords.split(#"cc -DA="b c" 'd e' f\ g -DS=\"x\" "a\nb""#) == ["cc", "-DA=b c", "d e", "f g", "-DS=\"x\"", "a\\nb"])
    }

    @Test func databaseIsFoundUpward() {
        let fixture = CFixture()
        fixture.write("compile_commands.json", "[]")
        fixture.write("a/b/c.c", "")
        #expect(CompileCommands.findDatabase(above: fixture.folder.path + "/a/b") == fixture.folder.path + "/compile_commands.json")
    }

    @Test func cacheFingerprintFollowsTheFlags() {
        let fixture = CFixture()
        let url = fixture.write("src/a.c", "int x;\n")
        let file = SourceFile(path: "src/a.c", absolutePath: url.path, language: .c, moduleName: "src/a.c", text: SourceText("int x;\n"))
        let before = CFixture.defaultFrontEnd.cacheFingerprint(for: file)
        fixture.write("other.json", """
        [{"directory": "\(fixture.folder.path)", "arguments": ["cc", "-DFAST", "-c", "src/a.c"], "file": "src/a.c"}]
        """)
        let withDatabase = CFrontEnd(libclangPath: nil, compileCommandsPath: fixture.folder.path + "/other.json")
        #expect(withDatabase.cacheFingerprint(for: file) != before)
        #expect(withDatabase.cacheFingerprint(for: file).contains("-DFAST"))
    }
}
