/* Work queued on a libuv loop has finished when uv_run(loop, UV_RUN_DEFAULT)
 * returns: reading its result afterwards is ordered. Work queued in a loop and
 * read before the loop runs is not. */
#include <stdio.h>
#include <uv.h>

static int done_count;
static int live_count;
static uv_work_t once_req;
static uv_work_t tick_reqs[4];

static void count_once(uv_work_t *req) {
    done_count++;
    (void)req;
}

static void count_live(uv_work_t *req) {
    live_count++;  // expect: CON201
    (void)req;
}

static void finished(uv_work_t *req, int status) {
    (void)req;
    (void)status;
}

int main(void) {
    uv_loop_t *loop = uv_default_loop();
    uv_queue_work(loop, &once_req, count_once, finished);
    uv_run(loop, UV_RUN_DEFAULT);
    printf("%d\n", done_count);
    for (int i = 0; i < 4; i++)
        uv_queue_work(loop, &tick_reqs[i], count_live, finished);
    printf("%d\n", live_count);
    uv_run(loop, UV_RUN_DEFAULT);
    return 0;
}
