"""A forking lookup server whose parent reports a miss count that only the children keep."""
import socketserver

TABLE = {"alpha": "1", "beta": "2"}
misses = 0


class Lookup(socketserver.StreamRequestHandler):
    def handle(self):
        global misses
        key = self.rfile.readline().strip().decode()
        if key not in TABLE:
            misses += 1  # expect: CON202
        self.count_lookup()
        self.wfile.write(TABLE.get(key, "?").encode() + b"\n")


    def count_lookup(self):
        # The server object is the child's copy too.
        self.server.lookups += 1  # expect: CON202


class ReportingServer(socketserver.ForkingMixIn, socketserver.TCPServer):
    def service_actions(self):
        super().service_actions()
        print("misses so far:", misses)


def main():
    ReportingServer(("", 9001), Lookup).serve_forever()  # expect: CON102


if __name__ == "__main__":
    main()
