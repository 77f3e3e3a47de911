void start_workers(int count);

int main(void) {
    start_workers(4);
    return 0;
}
