"""A stand-in tray host on the session bus: owns org.kde.StatusNotifierWatcher,
records the items that register, and reads/clicks their menus through
com.canonical.dbusmenu — what a desktop's tray does, minus the pixels."""

import threading

from jeepney import DBusAddress, HeaderFields, MessageType, Properties, new_error
from jeepney import new_method_call, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

WATCHER = "org.kde.StatusNotifierWatcher"
WATCHER_PATH = "/StatusNotifierWatcher"
ITEM_IFACE = "org.kde.StatusNotifierItem"
MENU_IFACE = "com.canonical.dbusmenu"
TIMEOUT = 5.0


class FakeWatcher:
    """Owns the watcher name in a thread and answers its methods."""

    def __init__(self):
        self.items = []  # (bus name, object path)
        self._stop = threading.Event()
        self._conn = open_dbus_connection(bus="SESSION")
        reply = self._conn.send_and_get_reply(message_bus.RequestName(WATCHER, 4), timeout=TIMEOUT)
        if reply.body[0] != 1:
            raise RuntimeError(f"cannot own {WATCHER}: RequestName said {reply.body[0]}")
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _props(self):
        return {
            "RegisteredStatusNotifierItems": ("as", [f"{s}{p}" for s, p in self.items]),
            "IsStatusNotifierHostRegistered": ("b", True),
            "ProtocolVersion": ("i", 0),
        }

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
            fields = msg.header.fields
            member = fields.get(HeaderFields.member)
            iface = fields.get(HeaderFields.interface)
            if member == "RegisterStatusNotifierItem":
                arg = msg.body[0]
                sender = fields.get(HeaderFields.sender)
                self.items.append((sender, arg) if arg.startswith("/") else (arg, "/StatusNotifierItem"))
                reply = new_method_return(msg)
            elif member == "RegisterStatusNotifierHost":
                reply = new_method_return(msg)
            elif iface == "org.freedesktop.DBus.Properties" and member == "GetAll":
                reply = new_method_return(msg, "a{sv}", (self._props(),))
            elif iface == "org.freedesktop.DBus.Properties" and member == "Get":
                value = self._props().get(msg.body[1])
                reply = (
                    new_method_return(msg, "v", (value,))
                    if value
                    else new_error(msg, "org.freedesktop.DBus.Error.UnknownProperty")
                )
            else:
                reply = new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod")
            self._conn.send(reply)

    def item_of(self, pid):
        """The item registered by process `pid` (other apps of earlier tests
        may still be on the bus and register with this watcher too)."""
        with open_dbus_connection(bus="SESSION") as conn:
            for service, path in list(self.items):
                reply = conn.send_and_get_reply(
                    message_bus.GetConnectionUnixProcessID(service), timeout=TIMEOUT)
                if reply.header.message_type != MessageType.error and reply.body[0] == pid:
                    return service, path
        return None

    def close(self):
        self._stop.set()
        self._thread.join(timeout=TIMEOUT)
        self._conn.close()


class TrayClient:
    """Reads an item's title and menu, and clicks menu items."""

    def __init__(self, service, path):
        self.conn = open_dbus_connection(bus="SESSION")
        self.item = DBusAddress(path, bus_name=service, interface=ITEM_IFACE)
        self.service = service

    def _prop(self, name):
        reply = self.conn.send_and_get_reply(Properties(self.item).get(name), timeout=TIMEOUT)
        if reply.header.message_type == MessageType.error:
            raise RuntimeError(f"Get {name}: {reply.body}")
        return reply.body[0][1]

    def label(self):
        """The text beside the icon (AppIndicator's stand-in for a tooltip)."""
        return self._prop("XAyatanaLabel")

    def icon_name(self):
        return self._prop("IconName")

    def _menu(self):
        return DBusAddress(self._prop("Menu"), bus_name=self.service, interface=MENU_IFACE)

    def menu(self):
        """The visible items as {label: id}, in order (separators left out)."""
        msg = new_method_call(self._menu(), "GetLayout", "iias", (0, -1, []))
        reply = self.conn.send_and_get_reply(msg, timeout=TIMEOUT)
        if reply.header.message_type == MessageType.error:
            raise RuntimeError(f"GetLayout: {reply.body}")
        _, (_, _, children) = reply.body
        items = {}
        for _, (item_id, props, _) in children:
            label = props.get("label", ("s", ""))[1].replace("_", "")
            visible = props.get("visible", ("b", True))[1]
            if label and visible and props.get("type", ("s", ""))[1] != "separator":
                items[label] = item_id
        return items

    def click(self, label):
        items = self.menu()
        if label not in items:
            raise AssertionError(f"no menu item {label!r} in {list(items)}")
        msg = new_method_call(self._menu(), "Event", "isvu", (items[label], "clicked", ("i", 0), 0))
        self.conn.send_and_get_reply(msg, timeout=TIMEOUT)

    def close(self):
        self.conn.close()
