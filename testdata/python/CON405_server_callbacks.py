"""A Tornado handler and a Twisted protocol that read and write files on the loop's
thread, for every request and connection they serve."""
import tornado.ioloop
import tornado.web
from twisted.internet import protocol, reactor


class CertificateHandler(tornado.web.RequestHandler):
    def get(self, name):
        with open(f"/etc/ssl/exports/{name}.pem", "rb") as pem:  # expect: CON405
            self.write(pem.read())


class UploadProtocol(protocol.Protocol):
    def connectionMade(self):
        self.out = open("/var/spool/uploads/incoming", "ab")  # expect: CON405

    def dataReceived(self, data):
        self.out.write(data)


def make_app():
    return tornado.web.Application([(r"/certs/(\w+)", CertificateHandler)])


if __name__ == "__main__":
    factory = protocol.Factory.forProtocol(UploadProtocol)
    reactor.listenTCP(9000, factory)
    make_app().listen(8888)
    tornado.ioloop.IOLoop.current().start()
