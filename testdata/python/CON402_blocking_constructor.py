# Making an object runs its `__init__`, or the one its nearest base of the
# project defines: a node that resolves its host name as it is made blocks the
# loop where a coroutine makes it. One whose `__init__` only stores its fields
# does not.
import socket


class Node:
    def __init__(self, host, port):
        self.address = socket.gethostbyname(host)
        self.port = port


class ReplicaNode(Node):
    pass


class Slot:
    def __init__(self, start, end):
        self.start = start
        self.end = end


async def connect(host, port):
    node = Node(host, port)  # expect: CON402
    replica = ReplicaNode(host, port + 1)  # expect: CON402
    slot = Slot(0, 16383)
    return node, replica, slot
