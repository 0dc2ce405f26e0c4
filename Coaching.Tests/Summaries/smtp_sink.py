"""A real SMTP server on loopback for the mail tests (Debian's python3-aiosmtpd).

Stores every accepted message as an .eml file in <folder>/messages. Refuses (550) the recipients listed,
one per line, in <folder>/refuse.txt, read at each RCPT so a test can change it while the server runs.
Prints READY once listening; runs until killed or stdin closes.
"""
import os, sys, time, uuid
from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        os.makedirs(os.path.join(folder, "messages"), exist_ok=True)

    def refused(self):
        path = os.path.join(self.folder, "refuse.txt")
        if not os.path.exists(path):
            return set()
        with open(path, encoding="utf-8") as f:
            return {line.strip().lower() for line in f if line.strip()}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refused():
            return "550 5.1.1 <%s>: Recipient address rejected: mailbox unavailable" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(self.folder, "messages", "%d-%s.eml" % (time.time_ns(), uuid.uuid4().hex))
        with open(name + ".part", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.replace(name + ".part", name)  # readers never see half a message
        return "250 Message accepted"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port, data_size_limit=50 * 1024 * 1024)
    controller.start()
    print("READY", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
