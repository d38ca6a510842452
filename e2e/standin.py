"""A stand-in D-Bus service for the E2E tests: owns a name on a bus and
answers the methods it is given (logind, Mutter's IdleMonitor, a
notification server). The tray host has its own, with properties (tray.py)."""

import threading

from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection


class StandIn:
    """Owns `name` on a bus (an address, or "SESSION") in a thread, answers
    `methods` ({member: (signature, function)}) and sends signals."""

    def __init__(self, bus, name, methods=None):
        self.methods = methods or {}
        self._stop = threading.Event()
        self._conn = open_dbus_connection(bus=bus)
        reply = self._conn.send_and_get_reply(message_bus.RequestName(name, 4), timeout=5)
        if reply.body[0] != 1:
            raise RuntimeError(f"cannot own {name}: RequestName said {reply.body[0]}")
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while not self._stop.is_set():
            try:
                msg = self._conn.receive(timeout=0.2)
            except TimeoutError:
                continue
            except OSError:
                return
            if msg.header.message_type != MessageType.method_call:
                continue
            member = msg.header.fields.get(HeaderFields.member)
            if member in self.methods:
                sig, answer = self.methods[member]
                self._conn.send(new_method_return(msg, sig, answer(*msg.body)))
            else:
                self._conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod"))

    def signal(self, path, interface, member, sig, body):
        self._conn.send(new_signal(DBusAddress(path, interface=interface), member, sig, body))

    def close(self):
        self._stop.set()
        self._thread.join(timeout=5)
        self._conn.close()
