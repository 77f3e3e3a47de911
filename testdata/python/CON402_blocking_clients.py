"""Synchronous clients of servers inside coroutines: every command waits on the
network while the loop stands still. Their async counterparts are awaited."""
import asyncio
import os
import smtplib
import sqlite3

import boto3
import paramiko
import pika
import psycopg2
import pymongo
import redis
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

cache = redis.Redis(host="cache")
orders = pymongo.MongoClient("mongodb://db")


async def place_order(order_id, body):
    cache.set(order_id, body)  # expect: CON402
    cache[order_id] = body  # expect: CON402
    pipe = cache.pipeline()
    orders.shop.orders.insert_one({"_id": order_id})  # expect: CON402
    shop = orders.get_database("shop")
    conn = psycopg2.connect("dbname=shop")  # expect: CON402
    cursor = conn.cursor()
    cursor.execute("INSERT INTO orders VALUES (%s)", (order_id,))  # expect: CON402
    conn.commit()  # expect: CON402
    return pipe, shop, conn


async def record_visit(path):
    db = sqlite3.connect("visits.db")
    db.execute("INSERT INTO visits VALUES (?)", (path,))  # expect: CON402
    rows = db.cursor()
    rows.execute("SELECT count(*) FROM visits")  # expect: CON402
    db.close()
    return rows.fetchone()  # expect: CON402


async def notify(address, text):
    mailer = smtplib.SMTP()
    mailer.connect("mail.example.com")  # expect: CON402
    with smtplib.SMTP("mail.example.com") as server:  # expect: CON402
        server.sendmail("shop@example.com", [address], text)  # expect: CON402
    mailer.set_debuglevel(1)


class Archiver:
    def __init__(self):
        self.s3 = boto3.client("s3")

    async def archive(self, path, host):
        self.s3.upload_file(path, "archive", path)  # expect: CON402
        link = self.s3.generate_presigned_url("get_object", Params={"Key": path})  # signs locally
        ssh = paramiko.SSHClient()
        ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())
        ssh.connect(host)  # expect: CON402
        queue = pika.BlockingConnection(pika.ConnectionParameters(host))  # expect: CON402
        queue.close()  # expect: CON402
        return link


engine = create_engine("postgresql://db/shop")
SessionLocal = sessionmaker(bind=engine)


async def read_user(user_id, db: Session):
    # FastAPI's `db: Session = Depends(get_db)`: a synchronous session in a coroutine.
    return db.get(object, user_id)  # expect: CON402


async def count_orders():
    db = SessionLocal()
    try:
        db.add(object())  # only stages the object
        return db.query(object).count()  # expect: CON402
    finally:
        db.close()


async def ping():
    with engine.connect() as conn:  # expect: CON402
        return conn.execute(text("select 1")).scalar()  # expect: CON402


async def reap(pid):
    os.waitpid(pid, 0)  # expect: CON402
    os.waitpid(-1, os.WNOHANG)  # only collects a child that has already ended


async def archive(path):
    os.spawnlp(os.P_WAIT, "gzip", "gzip", path)  # expect: CON402, CON501
    os.spawnlp(os.P_NOWAIT, "gzip", "gzip", path + ".1")  # expect: CON501


async def main():
    await place_order("1", "{}")
    await notify("a@example.com", "hi")
    await reap(0)


if __name__ == "__main__":
    asyncio.run(main())
