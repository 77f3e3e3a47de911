/* Linked into both programs: gui.c's, which starts a thread, and cli.c's,
 * which runs in one thread. Only what gui's own main thread touches races
 * gui's thread: cli's main runs in another program. */
int nr_clients;
int refreshes;

void remove_client(void) { nr_clients--; }

int count_clients(void) { return nr_clients; }

void refresh(void) {
    refreshes++;  // expect: CON201
}
