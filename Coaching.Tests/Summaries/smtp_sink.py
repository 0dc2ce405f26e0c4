"""A real SMTP server on loopback for the mail tests (Debian's python3-aiosmtpd).

Stores every accepted message as an .eml file in <folder>/messages. Refuses (550) the recipients listed,
one per line, in <folder>/refuse.txt, read at each RCPT so a test can change it while the server runs.
Answers every RCPT with the reply code in <folder>/reply.txt (e.g. 451), if present.
Appends each RCPT address to <folder>/rcpt.log, so a test can count delivery attempts.
Takes <folder>/delay.txt seconds (if present) before accepting each message, with a <folder>/inflight-* file present meanwhile,
so a test can stop a sender in the middle of a message.
Appends a line to <folder>/sessions.log at each EHLO (once per connection), so a test can count connections.
Prints READY once listening; runs until killed or stdin closes.
"""
import asyncio, os, sys, time, uuid
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

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        with open(os.path.join(self.folder, "sessions.log"), "a", encoding="utf-8") as log:
            log.write(hostname + "\n")
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with open(os.path.join(self.folder, "rcpt.log"), "a", encoding="utf-8") as log:
            log.write(address.lower() + "\n")
        reply_file = os.path.join(self.folder, "reply.txt")
        if os.path.exists(reply_file):
            with open(reply_file, encoding="utf-8") as f:
                code = f.read().strip()
            if code.startswith("4"):
                return "%s 4.3.0 <%s>: Temporary failure, try again later" % (code, address)
            if code:
                return "%s 5.7.1 <%s>: Refused by policy" % (code, address)
        if address.lower() in self.refused():
            return "550 5.1.1 <%s>: Recipient address rejected: mailbox unavailable" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        delay_file = os.path.join(self.folder, "delay.txt")
        if os.path.exists(delay_file):
            # One marker per message: several senders (web nodes) may be mid-message at once.
            inflight = os.path.join(self.folder, "inflight-" + uuid.uuid4().hex)
            open(inflight, "w").close()
            with open(delay_file, encoding="utf-8") as f:
                await asyncio.sleep(float(f.read().strip() or "0"))
            os.remove(inflight)
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
