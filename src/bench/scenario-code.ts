/**
 * Real code the built-in scenarios hand to the agents. Each snippet is small enough to read in a
 * prompt but has real content: something to explain, real defects to review, real mess to refactor.
 */

/** ~20 lines for a plain explanation (simple_task). */
export const ORDER_SUMMARY_PY = `from collections import defaultdict
from itertools import groupby
from operator import itemgetter


def summarize_orders(orders):
    """Group orders by customer and compute per-customer totals."""
    orders = sorted(orders, key=itemgetter("customer_id", "created_at"))
    summary = {}
    for customer_id, group in groupby(orders, key=itemgetter("customer_id")):
        items = list(group)
        totals = defaultdict(float)
        for order in items:
            for line in order["lines"]:
                totals[line["sku"]] += line["qty"] * line["unit_price"]
        summary[customer_id] = {
            "orders": len(items),
            "first_order": items[0]["created_at"],
            "last_order": items[-1]["created_at"],
            "top_sku": max(totals, key=totals.get) if totals else None,
            "revenue": round(sum(totals.values()), 2),
        }
    return summary
`;

/** ~40 lines with real defects: SQL injection, a mutable default, a logged password, MD5, a swallowed error. */
export const REGISTER_USER_PY = `import hashlib
import logging
import sqlite3

log = logging.getLogger(__name__)


def register_user(db_path, username, password, email, roles=[]):
    conn = sqlite3.connect(db_path)
    cur = conn.cursor()
    try:
        cur.execute("SELECT id FROM users WHERE username = '%s'" % username)
        if cur.fetchone():
            log.info("user %s exists, password=%s", username, password)
            return False
        if len(password) < 6:
            raise ValueError("password too short")
        hashed = hashlib.md5(password.encode()).hexdigest()
        roles.append("member")
        cur.execute(
            "INSERT INTO users (username, password, email, roles) VALUES ('%s', '%s', '%s', '%s')"
            % (username, hashed, email, ",".join(roles))
        )
        user_id = cur.lastrowid
        for role in roles:
            cur.execute("SELECT id FROM roles WHERE name = ?", (role,))
            row = cur.fetchone()
            if row == None:
                cur.execute("INSERT INTO roles (name) VALUES (?)", (role,))
                role_id = cur.lastrowid
            else:
                role_id = row[0]
            cur.execute("INSERT INTO user_roles VALUES (?, ?)", (user_id, role_id))
        conn.commit()
        send_welcome_email(email)
        return user_id
    except Exception:
        log.error("registration failed")
        return None
    finally:
        conn.close()
`;

/** ~85 lines of legacy script: globals, a hand-rolled cache and retry, I/O mixed with logic, sys.exit deep inside. */
export const INVENTORY_REPORT_PY = `# inventory.py - nightly low-stock report (legacy)
import csv, json, os, sys, time, datetime
import urllib.request

CACHE = {}
WAREHOUSES = ["north", "south", "east"]
API = "http://inventory.internal/api"
SLACK = os.environ.get("SLACK_WEBHOOK")
threshold = 10


def get(url):
    if url in CACHE:
        return CACHE[url]
    for i in range(3):
        try:
            r = urllib.request.urlopen(url, timeout=5)
            data = json.loads(r.read())
            CACHE[url] = data
            return data
        except Exception as e:
            print("retry", i, e)
            time.sleep(2)
    return None


def load_items(wh):
    data = get(API + "/warehouses/" + wh + "/items")
    items = []
    if data != None:
        for d in data["items"]:
            if d["active"] == True:
                item = {}
                item["sku"] = d["sku"]
                item["name"] = d["name"].strip()
                item["qty"] = int(d["qty"])
                item["price"] = float(d["price"])
                item["wh"] = wh
                items.append(item)
    return items


def notify(low):
    msg = "Low stock: " + ", ".join([i["sku"] + "@" + i["wh"] for i in low])
    for i in range(3):
        try:
            req = urllib.request.Request(SLACK, data=json.dumps({"text": msg}).encode())
            urllib.request.urlopen(req, timeout=5)
            return
        except Exception as e:
            print("retry", i, e)
            time.sleep(2)


def report(out=None):
    global threshold
    if os.environ.get("LOW_STOCK"):
        threshold = int(os.environ["LOW_STOCK"])
    all_items = []
    for wh in WAREHOUSES:
        all_items = all_items + load_items(wh)
    low = []
    total = 0
    by_wh = {}
    for it in all_items:
        total = total + it["qty"] * it["price"]
        if it["wh"] not in by_wh:
            by_wh[it["wh"]] = 0
        by_wh[it["wh"]] = by_wh[it["wh"]] + it["qty"] * it["price"]
        if it["qty"] < threshold:
            low.append(it)
    low.sort(key=lambda x: x["qty"])
    if out == None:
        out = "report_" + datetime.datetime.now().strftime("%Y%m%d") + ".csv"
    f = open(out, "w")
    w = csv.writer(f)
    w.writerow(["sku", "name", "warehouse", "qty", "value"])
    for it in low:
        w.writerow([it["sku"], it["name"], it["wh"], it["qty"], round(it["qty"] * it["price"], 2)])
    f.close()
    print("total stock value:", round(total, 2))
    for wh in by_wh:
        print(wh, round(by_wh[wh], 2))
    print("low stock items:", len(low))
    if len(low) > 0:
        if SLACK:
            notify(low)
        sys.exit(1)
    return out


if __name__ == "__main__":
    report(sys.argv[1] if len(sys.argv) > 1 else None)
`;

/** ~25 lines with a race (the lock guards only the decrement), a non-monotonic clock and a busy wait. */
export const RATE_LIMITER_PY = `import threading
import time


class RateLimiter:
    """Allow at most \`rate\` calls per \`per\` seconds (token bucket)."""

    def __init__(self, rate, per=1.0):
        self.rate = rate
        self.per = per
        self.allowance = rate
        self.last_check = time.time()
        self.lock = threading.Lock()

    def allow(self):
        current = time.time()
        elapsed = current - self.last_check
        self.last_check = current
        self.allowance += elapsed * (self.rate / self.per)
        if self.allowance > self.rate:
            self.allowance = self.rate
        if self.allowance < 1:
            return False
        with self.lock:
            self.allowance -= 1
        return True

    def wait(self):
        while not self.allow():
            time.sleep(0.01)
`;
