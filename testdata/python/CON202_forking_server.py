"""A forking line server whose parent reports a request count that only the children keep."""
import socketserver

requests_served = 0


class Echo(socketserver.StreamRequestHandler):
    def handle(self):
        global requests_served
        for line in self.rfile:
            self.wfile.write(line)
        requests_served += 1  # expect: CON202


class CountingServer(socketserver.ForkingMixIn, socketserver.TCPServer):
    def service_actions(self):
        super().service_actions()
        print("served", requests_served)


def main():
    CountingServer(("", 9001), Echo).serve_forever()  # expect: CON102


if __name__ == "__main__":
    main()
