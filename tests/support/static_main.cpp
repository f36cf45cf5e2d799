// main() for test files made only of static_asserts: compiling them is the test.
int main() { return 0; }
