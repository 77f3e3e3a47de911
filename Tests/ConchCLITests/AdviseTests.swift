import Foundation
import Testing

@Suite struct AdviseTests {
    @Test func aStartWaitedForInEachPassSaysItsWorkRunsOneAtATime() throws {
        let folder = try Scratch()
        try folder.write("fetch.py", """
            from concurrent.futures import ThreadPoolExecutor
            import urllib.request


            def fetch(url):
                return urllib.request.urlopen(url).read()


            def fetch_all(urls):
                with ThreadPoolExecutor() as executor:
                    return [executor.submit(fetch, url).result() for url in urls]

            """)
        let (_, profile) = try adviseJSON(in: folder)
        let site = try #require(try sitesByEntry(profile)["fetch"])
        #expect((site["one_at_a_time"] as? String)?.hasSuffix("the items run one at a time, however many workers the pool has") == true)
        let text = try Conch.run(["advise", "."], in: folder.path).stdout
        #expect(text.contains("  but: `executor.submit` hands `fetch` to the pool"))
    }

    @Test func eachStartGetsTheModelTheAnswerPicksForItsWork() throws {
        let folder = try Scratch()
        try folder.write("app.py", """
            import threading
            import urllib.request
            from concurrent.futures import ProcessPoolExecutor


            def crunch(n):
                total = 0
                for i in range(n):
                    for j in range(n):
                        total += i * j % 7
                return total


            def fetch(url):
                return urllib.request.urlopen(url).read()


            def main():
                threading.Thread(target=crunch, args=(500,)).start()
                with ProcessPoolExecutor() as pool:
                    pool.submit(fetch, "http://example.invalid/")


            if __name__ == "__main__":
                main()

            """)
        let (_, profile) = try adviseJSON(in: folder)
        let byEntry = try sitesByEntry(profile)
        #expect(byEntry["crunch"]?["workload"] as? String == "cpu")
        #expect(byEntry["crunch"]?["model"] as? String == "process")
        #expect(byEntry["fetch"]?["workload"] as? String == "io")
        #expect(byEntry["fetch"]?["model"] as? String == "thread")
        #expect(byEntry["fetch"]?["one_at_a_time"] is NSNull)
        let text = try Conch.run(["advise", "."], in: folder.path)
        #expect(text.stdout.contains("app.py:19: thread runs `crunch`"))
        #expect(text.stdout.contains("because: \"if your code is CPU-bound, you need processes\""))
    }

    @Test func aPoolOfInterpretersKeepsItsComputingAndHandsItsWaitingToThreads() throws {
        let folder = try Scratch()
        try folder.write("pyproject.toml", "[project]\nname = \"digest\"\nrequires-python = \">=3.14\"\n")
        try folder.write("digest.py", """
            import socket
            import threading
            from concurrent.futures import InterpreterPoolExecutor


            def tally(limit):
                hits = 0
                for n in range(limit):
                    if n * n % 7 == 3:
                        hits += 1
                return hits


            def probe(host):
                with socket.create_connection((host, 80)) as conn:
                    return conn.recv(1)


            def run(hosts):
                threading.Thread(target=tally, args=(5_000_000,)).start()
                with InterpreterPoolExecutor() as pool:
                    pool.submit(tally, 5_000_000)
                    pool.submit(probe, hosts[0])

            """)
        let (_, profile) = try adviseJSON(in: folder)
        let sites = try #require(profile["sites"] as? [[String: Any]])
        let advice = sites.map { "\($0["starts"] ?? "") \($0["entry"] ?? ""): \($0["model"] ?? "") \($0["advice"] ?? "")" }
        #expect(advice.count == 3)
        #expect(advice.contains { $0.hasPrefix("thread tally: process concurrent.futures.ProcessPoolExecutor") && $0.contains("InterpreterPoolExecutor") })
        #expect(advice.contains { $0.hasPrefix("interpreter pool task tally: process keep the InterpreterPoolExecutor") })
        #expect(advice.contains { $0.hasPrefix("interpreter pool task probe: thread concurrent.futures.ThreadPoolExecutor") })
    }

    @Test func cCodeGetsThreadsAndEventLoopsNotPythonAPIs() throws {
        let folder = try Scratch()
        try folder.write("server.c", """
            #include <pthread.h>
            #include <sys/socket.h>
            #include <unistd.h>

            static void *crunch(void *arg) {
                unsigned long total = 0;
                for (unsigned long i = 0; i < 100000000UL; i++)
                    total += i * i % 7;
                return (void *)total;
            }

            static void *serve(void *arg) {
                char buffer[512];
                int fd = (int)(long)arg;
                while (read(fd, buffer, sizeof buffer) > 0) { }
                close(fd);
                return NULL;
            }

            int main(void) {
                pthread_t worker;
                pthread_create(&worker, NULL, crunch, NULL);
                for (;;) {
                    int fd = accept(3, NULL, NULL);
                    pthread_t client;
                    pthread_create(&client, NULL, serve, (void *)(long)fd);
                    pthread_detach(client);
                }
            }

            """)
        let (run, profile) = try adviseJSON(in: folder)
        let byEntry = try sitesByEntry(profile)
        #expect(byEntry["crunch"]?["model"] as? String == "thread")
        #expect(byEntry["serve"]?["model"] as? String == "microthread")
        #expect(!run.stdout.contains("concurrent.futures"))
        #expect(!run.stdout.contains("asyncio"))
    }

    @Test func aForkedChildIsJudgedByItsBranchOnly() throws {
        let folder = try Scratch()
        try folder.write("server.c", """
            #include <stdio.h>
            #include <sys/wait.h>
            #include <unistd.h>

            static void handle(int client) {
                char buffer[512];
                ssize_t n = read(client, buffer, sizeof buffer);
                if (n > 0) write(client, buffer, (size_t)n);
            }

            int main(void) {
                unsigned long total = 0;
                for (int i = 0; i < 4; i++) {
                    if (fork() == 0) {
                        handle(i);
                        _exit(0);
                    }
                }
                while (wait(NULL) > 0) { }
                for (unsigned long i = 0; i < 100000000UL; i++)
                    total += i * i % 7;
                printf("%lu\\n", total);
                return 0;
            }

            """)
        let run = try Conch.run(["advise", "."], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout.contains("server.c:14: forked child runs `main` from line 14"))
        #expect(run.stdout.contains("work: I/O-bound (`read` at line 7"))
        #expect(run.stdout.contains("fits: thread: pthreads\n"))
    }

    @Test func aThreadingServerStartsItsHandlerOncePerRequest() throws {
        let folder = try Scratch()
        try folder.write("echo.py", """
            import socketserver

            class Echo(socketserver.StreamRequestHandler):
                def handle(self):
                    self.wfile.write(self.rfile.readline())

            def main():
                socketserver.ThreadingTCPServer(("", 9000), Echo).serve_forever()

            """)
        let run = try Conch.run(["advise", "."], in: folder.path)
        #expect(run.status == 0)
        #expect(run.stdout.contains("echo.py:8: thread runs `Echo.handle`, once per request"))
        #expect(run.stdout.contains("work: I/O-bound"))
        #expect(run.stdout.contains("fits: microthread:"))
    }

    @Test func webViewsAreCountedByHowTheirServerRunsThem() throws {
        let folder = try Scratch()
        try folder.write("app.py", """
            from fastapi import FastAPI
            from flask import Flask

            app = Flask(__name__)
            api = FastAPI()

            @app.route("/")
            def index():
                return "hello"

            @api.get("/items")
            def items():
                return []

            @api.get("/stream")
            async def stream():
                return []

            """)
        let (_, profile) = try adviseJSON(in: folder)
        let views = try #require(profile["views"] as? [[String: Any]])
        #expect(views.map { $0["name"] as? String } == ["index", "items", "stream"])
        #expect(views.map { $0["runs"] as? String } == ["thread", "thread", "task"])
        #expect(views.map { $0["model"] as? String } == ["thread", "thread", "microthread"])
        let text = try Conch.run(["advise", "."], in: folder.path)
        #expect(text.stdout.contains("Web views: 2 run in the server's threads, a thread per request (FastAPI 1, Flask 1), first at app.py:8"))
        #expect(text.stdout.contains("Web views: 1 runs as tasks on the server's event loop, a task per request (FastAPI 1), first at app.py:16"))
    }

    @Test func aForkWhoseParentExitsIsLeftOutAsADaemonDetaching() throws {
        let folder = try Scratch()
        try folder.write("daemon.py", """
            import os
            import sys
            import threading

            def serve():
                pass

            def daemonize():
                if os.fork() > 0:
                    sys.exit()
                os.setsid()
                threading.Thread(target=serve).start()

            """)
        let (_, profile) = try adviseJSON(in: folder)
        let sites = try #require(profile["sites"] as? [[String: Any]])
        #expect(sites.map { $0["starts"] as? String } == ["thread"])
        #expect(profile["daemonizing_forks"] as? Int == 1)
        let text = try Conch.run(["advise", "."], in: folder.path)
        #expect(text.stdout.contains("Left out: 1 fork whose parent exits at once (a daemon detaching), which starts no concurrent work."))
    }

    @Test func aDoubleForkWhoseParentsBothExitIsLeftOutWhole() throws {
        let folder = try Scratch()
        try folder.write("daemon.c", """
            #include <stdlib.h>
            #include <unistd.h>

            void makedaemon(void) {
                if (fork() != 0)
                    exit(0);
                setsid();
                if (fork() != 0)
                    exit(0);
                chdir("/");
            }

            """)
        let (_, profile) = try adviseJSON(in: folder)
        #expect((profile["sites"] as? [[String: Any]])?.isEmpty == true)
        #expect(profile["daemonizing_forks"] as? Int == 2)
    }

    @Test func tasksAndGreenletsKeepWaitingOnTheLoopAndMoveComputingOff() throws {
        let folder = try Scratch()
        try folder.write("tasks.py", """
            import asyncio

            import gevent


            async def poll():
                while True:
                    await asyncio.sleep(5)


            def crunch(n):
                total = 0
                for i in range(n):
                    for j in range(n):
                        total += i * j % 7
                return total


            async def main():
                asyncio.create_task(poll())
                gevent.spawn(crunch, 500)

            """)
        let (_, profile) = try adviseJSON(in: folder)
        let byEntry = try sitesByEntry(profile)
        #expect(byEntry["poll"]?["model"] as? String == "microthread")
        #expect(byEntry["poll"]?["advice"] as? String == "keep it a task on the event loop, awaiting what it waits for")
        #expect(byEntry["crunch"]?["model"] as? String == "process")
        #expect((byEntry["crunch"]?["advice"] as? String)?.contains("a greenlet that computes holds every other") == true)
    }

    @Test func aTaskQueuesTasksGetTheWorkerPoolTheirWorkFits() throws {
        let folder = try Scratch()
        try folder.write("jobs.py", """
            import urllib.request

            from celery import Celery

            app = Celery("jobs")


            @app.task
            def render(n):
                total = 0
                for i in range(n):
                    for j in range(n):
                        total += i * j % 7
                return total


            @app.task
            def notify(url):
                return urllib.request.urlopen(url).read()

            """)
        let (_, profile) = try adviseJSON(in: folder)
        let byEntry = try sitesByEntry(profile)
        #expect(byEntry["render"]?["starts"] as? String == "Celery worker")
        #expect(byEntry["render"]?["model"] as? String == "process")
        #expect((byEntry["render"]?["advice"] as? String)?.contains("prefork pool") == true)
        #expect(byEntry["notify"]?["model"] as? String == "thread")
        #expect((byEntry["notify"]?["advice"] as? String)?.contains("`--pool=threads`") == true)
    }

    @Test func periodicWorkInAnEventLoopProgramGetsTheLoopsScheduler() throws {
        let folder = try Scratch()
        try folder.write("clock.py", """
            import threading
            import time
            import tkinter as tk

            def poll(label):
                while True:
                    label.event_generate("<<Tick>>")
                    time.sleep(30)

            root = tk.Tk()
            label = tk.Label(root)
            threading.Thread(target=poll, args=(label,), daemon=True).start()
            root.mainloop()

            """)
        let (_, profile) = try adviseJSON(in: folder)
        let byEntry = try sitesByEntry(profile)
        #expect(byEntry["poll"]?["model"] as? String == "framework-scheduler")
        #expect((byEntry["poll"]?["advice"] as? String)?.contains("root.after") == true)
    }

    /// `conch advise --format json .` in `folder`, which must succeed, and its profile.
    private func adviseJSON(in folder: Scratch) throws -> (run: Conch.Run, profile: [String: Any]) {
        let run = try Conch.run(["advise", "--format", "json", "."], in: folder.path)
        #expect(run.status == 0)
        let profile = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return (run, profile)
    }

    /// The profile's sites by what each runs.
    private func sitesByEntry(_ profile: [String: Any]) throws -> [String: [String: Any]] {
        let sites = try #require(profile["sites"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: sites.map { ($0["entry"] as? String ?? "", $0) })
    }
}
