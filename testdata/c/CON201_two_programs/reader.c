/* Linked into `pack` only: one reader thread, which alone steps `seq`. A second
 * program of the tree, `unpack`, defines a `reader` of its own. */
static int seq;
int packed;

static void read_one(void) {
    seq++;
}

void *reader(void *arg) {
    for (int i = 0; i < 10; i++) read_one();
    packed++;  // expect: CON201
    return arg;
}
