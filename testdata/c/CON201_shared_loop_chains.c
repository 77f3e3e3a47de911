/* Work queued on the default loop has finished whenever any function has run
 * that loop dry, so a later test reading the counter is ordered after it, unless
 * something queues work again first. A task its own completion queues again
 * runs one at a time; one that fans out from its completion does not. */
#include <stdio.h>
#include <uv.h>

static int simple_count;
static int again_count;
static unsigned seed;
static unsigned spread;
static int rounds;
static uv_work_t simple_req;
static uv_work_t again_req;
static uv_work_t chain_req;
static uv_work_t fan_reqs[2];

static void count_simple(uv_work_t *req) {
    simple_count++;
    (void)req;
}

static void count_again(uv_work_t *req) {
    again_count++;  // expect: CON201
    (void)req;
}

static void done(uv_work_t *req, int status) {
    (void)req;
    (void)status;
}

static void queue_again(void) {
    uv_queue_work(uv_default_loop(), &again_req, count_again, done);
}

static void next_seed(uv_work_t *req) {
    seed = seed * 1103515245u + 12345u;
    (void)req;
}

static void seed_done(uv_work_t *req, int status) {
    if (status == 0 && ++rounds < 100)
        uv_queue_work(req->loop, req, next_seed, seed_done);
}

static void widen(uv_work_t *req) {
    spread = spread * 2u + 1u;  // expect: CON201
    (void)req;
}

static void widen_done(uv_work_t *req, int status) {
    (void)status;
    for (int i = 0; i < 2; i++)
        uv_queue_work(req->loop, &fan_reqs[i], widen, widen_done);
}

static int test_simple(void) {
    uv_queue_work(uv_default_loop(), &simple_req, count_simple, done);
    uv_run(uv_default_loop(), UV_RUN_DEFAULT);
    return simple_count == 1;
}

static int test_simple_again(void) {
    uv_run(uv_default_loop(), UV_RUN_DEFAULT);
    return simple_count == 1;
}

static int test_queue_between(void) {
    queue_again();
    uv_run(uv_default_loop(), UV_RUN_DEFAULT);
    queue_again();
    return again_count == 2;
}

static int test_chain(void) {
    uv_queue_work(uv_default_loop(), &chain_req, next_seed, seed_done);
    uv_queue_work(uv_default_loop(), &fan_reqs[0], widen, widen_done);
    uv_run(uv_default_loop(), UV_RUN_DEFAULT);
    return seed != 0 && spread != 0;
}

int main(void) {
    int passed = test_simple() + test_simple_again() + test_queue_between() + test_chain();
    printf("%d passed\n", passed);
    return 0;
}
